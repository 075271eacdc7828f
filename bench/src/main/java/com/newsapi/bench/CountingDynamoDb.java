package com.newsapi.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A DynamoDbClient that passes the two batch calls the loader makes to a real client and tallies
 * them: calls, items (keys read, puts written), item bytes and time, per kind of call. Any other
 * call fails (the interface's default), so a loader that starts making others shows up at once.
 * One per measured run; not thread-safe.
 */
final class CountingDynamoDb implements DynamoDbClient {

    /** What one kind of call added up to. */
    static final class Tally {
        long calls;
        long items;
        long bytes;
        long nanos;
    }

    private final DynamoDbClient delegate;
    private final Map<String, Tally> tallies = new TreeMap<>();
    private String lastKind = "";

    CountingDynamoDb(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        long start = System.nanoTime();
        BatchWriteItemResponse response = delegate.batchWriteItem(request);
        Tally tally = tally("write");
        tally.nanos += System.nanoTime() - start;
        tally.calls++;
        for (List<WriteRequest> writes : request.requestItems().values()) {
            for (WriteRequest write : writes) {
                tally.items++;
                tally.bytes += ItemSize.of(write.putRequest().item());
            }
        }
        return response;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        long start = System.nanoTime();
        BatchGetItemResponse response = delegate.batchGetItem(request);
        long nanos = System.nanoTime() - start;
        for (KeysAndAttributes read : request.requestItems().values()) {
            lastKind = kindOf(read, lastKind);
            Tally tally = tally(lastKind);
            tally.nanos += nanos;
            tally.calls++;
            tally.items += read.keys().size();
        }
        return response;
    }

    /**
     * The loader's three kinds of read, told apart by what they ask for and when: the stored versions
     * of a page's stories, then the owners of their slugs (each once per page), then slugs asked
     * for again one at a time.
     */
    private static String kindOf(KeysAndAttributes read, String previous) {
        String projection = String.valueOf(read.projectionExpression());
        if (projection.contains("contentHash")) {
            return "get versions";
        }
        if (projection.contains("articleId")) {
            return "get versions".equals(previous) ? "get slugs" : "get one slug";
        }
        return "get other";
    }

    private Tally tally(String kind) {
        return tallies.computeIfAbsent(kind, ignored -> new Tally());
    }

    /** Every kind of call seen, by name ("write", "get versions", "get slugs", "get one slug"). */
    Map<String, Tally> tallies() {
        return tallies;
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

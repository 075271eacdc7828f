package com.newsapi.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A DynamoDbClient that passes every data call the store makes (batch and single reads and writes,
 * transactions, queries) to a real client and tallies them: calls, items (keys read, items written),
 * bytes of the items put, and time, per kind of call. A call the store does not make fails (the
 * interface's default). One per measured run; the tallies are safe to add to from the store's
 * parallel conditional writes.
 */
final class CountingDynamoDb implements DynamoDbClient {

    /** What one kind of call added up to. */
    static final class Tally {
        long calls;
        long items;
        long bytes;
        long nanos;
    }

    /** The kinds of write call, as named in {@link #tallies()}. */
    static final String BATCH_WRITE = "write";
    static final String TRANSACT = "transact";

    private final DynamoDbClient delegate;
    private final Map<String, Tally> tallies = new TreeMap<>();
    private String lastRead = "";

    CountingDynamoDb(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        long start = System.nanoTime();
        BatchWriteItemResponse response = delegate.batchWriteItem(request);
        long items = 0;
        long bytes = 0;
        for (List<WriteRequest> writes : request.requestItems().values()) {
            for (WriteRequest write : writes) {
                items++;
                bytes += write.putRequest() == null ? 0 : ItemSize.of(write.putRequest().item());
            }
        }
        add(BATCH_WRITE, items, bytes, System.nanoTime() - start);
        return response;
    }

    /** Items: every put, update, delete and condition check; bytes: the items put. */
    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        long start = System.nanoTime();
        TransactWriteItemsResponse response = delegate.transactWriteItems(request);
        long bytes = 0;
        for (TransactWriteItem item : request.transactItems()) {
            bytes += item.put() == null ? 0 : ItemSize.of(item.put().item());
        }
        add(TRANSACT, request.transactItems().size(), bytes, System.nanoTime() - start);
        return response;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        long start = System.nanoTime();
        BatchGetItemResponse response = delegate.batchGetItem(request);
        long nanos = System.nanoTime() - start;
        for (KeysAndAttributes read : request.requestItems().values()) {
            synchronized (this) {
                lastRead = kindOf(read, lastRead);
            }
            add(lastRead, read.keys().size(), 0, nanos);
        }
        return response;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return single("GetItem", () -> delegate.getItem(request), 0);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return single("PutItem", () -> delegate.putItem(request), ItemSize.of(request.item()));
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return single("UpdateItem", () -> delegate.updateItem(request), 0);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return single("DeleteItem", () -> delegate.deleteItem(request), 0);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return single("Query", () -> delegate.query(request), 0);
    }

    /** A call on one item (or one query), tallied as such whether it succeeds or fails its condition. */
    private <R> R single(String kind, Supplier<R> call, long bytes) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            add(kind, 1, bytes, System.nanoTime() - start);
        }
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

    private synchronized void add(String kind, long items, long bytes, long nanos) {
        Tally tally = tallies.computeIfAbsent(kind, ignored -> new Tally());
        tally.calls++;
        tally.items += items;
        tally.bytes += bytes;
        tally.nanos += nanos;
    }

    /**
     * Every kind of call seen, by name: {@value #BATCH_WRITE}, {@value #TRANSACT}, "get versions",
     * "get slugs", "get one slug", "get other" (batch reads), and the single calls by operation name.
     */
    synchronized Map<String, Tally> tallies() {
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

package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.VERSION;
import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.error.StoreUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem and BatchWriteItem, with the unprocessed part retried under a bounded backoff. */
final class Batches {

    /** BatchWriteItem takes at most 25 requests, BatchGetItem at most 100 keys. */
    static final int WRITE_BATCH = 25;
    static final int GET_BATCH = 100;
    /** How many conditional writes run at once. */
    static final int LANES = 16;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;

    Batches(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
    }

    /** The items with these keys that exist, read strongly consistent, retrying unprocessed keys; {@code projection} may be null. */
    List<Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys, String projection) {
        return get(keys, projection, true);
    }

    /**
     * The items with these keys that exist, retrying unprocessed keys; {@code projection} may be null.
     * An eventually consistent read costs half as much and may return an item's previous state.
     */
    List<Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys, String projection, boolean consistent) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> chunk = distinct.subList(from, Math.min(distinct.size(), from + GET_BATCH));
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(chunk).projectionExpression(projection)
                    .expressionAttributeNames(projection != null && projection.contains("#version") ? Map.of("#version", VERSION) : null)
                    .consistentRead(consistent).build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> request = pending;
                var response = call(() -> dynamo.batchGetItem(get -> get.requestItems(request)));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) {
                    retryOrFail(attempt);
                }
            }
        }
        return items;
    }

    /** Writes every request, 25 a batch, retrying unprocessed items with backoff; fails after too many tries. */
    void write(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            writeBatch(writes.subList(from, Math.min(writes.size(), from + WRITE_BATCH)));
        }
    }

    /**
     * Puts each of these items unless the item stored under its key fails {@code condition}; one that
     * does is left as it is, silently. One PutItem each (BatchWriteItem takes no conditions), a few
     * at a time on virtual threads. Throws the first other failure once every put has been tried.
     */
    void putWhere(List<Map<String, AttributeValue>> items, String condition,
                  Map<String, String> names, Map<String, AttributeValue> values) {
        inLanes(items, item -> dynamo.putItem(put -> put.tableName(table).item(item)
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    /** Deletes each of these items while it still meets {@code condition}, as {@link #putWhere} puts. */
    void deleteWhere(List<Map<String, AttributeValue>> keys, String condition,
                     Map<String, String> names, Map<String, AttributeValue> values) {
        inLanes(keys, key -> dynamo.deleteItem(delete -> delete.tableName(table).key(key)
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    private void inLanes(List<Map<String, AttributeValue>> items, Consumer<Map<String, AttributeValue>> write) {
        List<Future<RuntimeException>> lanes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int lane = 0; lane < Math.min(LANES, items.size()); lane++) {
                int first = lane;
                lanes.add(threads.submit(() -> writeLane(items, first, write)));
            }
        }
        RuntimeException failure = null;
        for (Future<RuntimeException> lane : lanes) {
            try {
                failure = failure == null ? lane.get() : failure;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Writes every {@link #LANES}th item from {@code first}; the first failure other than a failed condition, if any. */
    private static RuntimeException writeLane(List<Map<String, AttributeValue>> items, int first,
                                              Consumer<Map<String, AttributeValue>> write) {
        RuntimeException failure = null;
        for (int i = first; i < items.size(); i += LANES) {
            Map<String, AttributeValue> item = items.get(i);
            try {
                call(() -> {
                    write.accept(item);
                    return null;
                });
            } catch (ConditionalCheckFailedException notOurs) {
                // the stored item says a later version owns it: leave it
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        return failure;
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = call(() -> dynamo.batchWriteItem(write -> write.requestItems(request)));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                retryOrFail(attempt);
            }
        }
    }

    private void retryOrFail(int attempt) {
        if (attempt >= backoff.maxAttempts()) {
            throw new StoreUnavailable(new IllegalStateException(
                    "batch still had unprocessed items after " + attempt + " attempts"));
        }
        backoff.pause(attempt);
    }

    static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}

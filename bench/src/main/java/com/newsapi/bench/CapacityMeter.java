package com.newsapi.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Read and write request units of every DynamoDB call, computed by DynamoDB's rules from what the
 * call read and wrote, whatever code made it: an SDK interceptor, so the handlers, services and
 * store are measured as they are. The SDK builds one for every client of the JVM from the global
 * interceptor file that only bench/scale.sh puts on the class path (bench/scale-hook/), so nothing
 * in functions/ changes and no other benchmark pays for it.
 *
 * <p>Rules (DynamoDB Developer Guide, "DynamoDB read and write operations"): a GetItem reads its
 * item rounded up to 4 KB, a BatchGetItem each item so, a Query or Scan the sum of every item it
 * evaluated (a FilterExpression discards items after they are read and paid for) rounded up once;
 * a read of nothing still costs one 4 KB unit; strongly consistent 1 unit per 4 KB, eventually
 * consistent half, transactional twice. A projection does not make a table read cheaper (the whole
 * item is read), but an index stores only what it projects, so an index query is sized by the
 * index entries. A write costs 1 unit per 1 KB of the larger of the item before and after (a delete:
 * the item deleted), at least 1, twice in a transaction; every index whose entry the write adds,
 * changes or removes costs its entry's size too (a moved index key: both entries).
 *
 * <p>What was evaluated is read back through a second, unmetered client ({@link #start}): a Query
 * with a filter, a projection or {@code Select=COUNT} is run again without them (same key condition,
 * limit and start key, so the same items), projected gets are fetched whole, and written items are
 * fetched before and after the write. So metered calls are slower: time requests with the meter off.
 * Each metered call also asks the engine for its own ConsumedCapacity, to compare.
 */
public final class CapacityMeter implements ExecutionInterceptor {

    private static final int READ_UNIT = 4096;
    private static final int WRITE_UNIT = 1024;
    private static final ExecutionAttribute<List<Write>> WRITES = new ExecutionAttribute<>("bench.capacity.writes");
    private static final ThreadLocal<Boolean> UNMETERED = ThreadLocal.withInitial(() -> false);
    private static final Map<String, TableShape> SHAPES = new ConcurrentHashMap<>();
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static volatile DynamoDbClient reader;
    private static volatile Tally current;

    /** Made by the SDK, once per client built, from the global interceptor file. */
    public CapacityMeter() {
        CLIENTS.incrementAndGet();
    }

    /** How many clients the SDK has put this interceptor on: 0 means the hook is not on the class path. */
    static int clients() {
        return CLIENTS.get();
    }

    /** The client that reads back what a metered call evaluated; its own calls are never metered. */
    static void start(DynamoDbClient unmeteredReader) {
        reader = unmeteredReader;
    }

    /** Meters every call from now until {@link #end}; one measured request at a time. */
    static void begin() {
        current = new Tally();
    }

    static Tally end() {
        Tally done = current;
        current = null;
        return done;
    }

    /** What the calls of one measured request added up to. Thread-safe: a request may query in parallel. */
    static final class Tally {
        double readUnits;
        double engineReadUnits;
        double tableWriteUnits;
        double indexWriteUnits;
        double engineWriteUnits;
        long itemsEvaluated;
        long itemsReturned;
        long itemsWritten;
        long filteredQueries;
        long itemsFilteredOut;
        long scans;
        private final Map<String, Integer> calls = new TreeMap<>();

        synchronized void call(String name) {
            calls.merge(name, 1, Integer::sum);
        }

        /** The calls made, by operation and index: {@code Query(feed)x4,BatchGetItem(table)x1}. */
        synchronized String calls() {
            List<String> parts = new ArrayList<>();
            calls.forEach((name, count) -> parts.add(name + "x" + count));
            return parts.isEmpty() ? "-" : String.join(",", parts);
        }

        synchronized void read(double units, long evaluated, long returned, ConsumedCapacity engine) {
            readUnits += units;
            itemsEvaluated += evaluated;
            itemsReturned += returned;
            engineReadUnits += engine == null || engine.capacityUnits() == null ? 0 : engine.capacityUnits();
        }

        synchronized void write(double table, double index, long items) {
            tableWriteUnits += table;
            indexWriteUnits += index;
            itemsWritten += items;
        }

        synchronized void engineWrite(List<ConsumedCapacity> engine) {
            for (ConsumedCapacity capacity : engine) {
                engineWriteUnits += capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
            }
        }

        synchronized void filtered(long discarded) {
            filteredQueries++;
            itemsFilteredOut += discarded;
        }

        synchronized void scan() {
            scans++;
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (metering()) {
            List<Write> writes = writesOf(context.request());
            if (!writes.isEmpty()) {
                Map<String, List<Map<String, AttributeValue>>> keys = new HashMap<>();
                writes.forEach(write -> keys.computeIfAbsent(write.table(), table -> new ArrayList<>()).add(write.key()));
                Map<String, Map<Map<String, AttributeValue>, Map<String, AttributeValue>>> before = new HashMap<>();
                keys.forEach((table, tableKeys) -> before.put(table, readBack(table, tableKeys)));
                attributes.putAttribute(WRITES, writes.stream()
                        .map(write -> write.before(before.get(write.table()).get(write.key()))).toList());
            }
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!metering()) {
            return context.request();
        }
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (context.request()) {
            case GetItemRequest get -> get.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest batch -> batch.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest query -> query.toBuilder().returnConsumedCapacity(total).build();
            case ScanRequest scan -> scan.toBuilder().returnConsumedCapacity(total).build();
            case TransactGetItemsRequest transact -> transact.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest put -> put.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest update -> update.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest delete -> delete.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest batch -> batch.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest transact -> transact.toBuilder().returnConsumedCapacity(total).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Tally tally = current;
        if (!metering() || tally == null) {
            return;
        }
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        switch (request) {
            case GetItemRequest get -> getItem(tally, get, (GetItemResponse) response);
            case BatchGetItemRequest batch -> batchGetItem(tally, batch, (BatchGetItemResponse) response);
            case QueryRequest query -> query(tally, query, (QueryResponse) response);
            case ScanRequest scan -> scan(tally, scan, (ScanResponse) response);
            case TransactGetItemsRequest transact -> transactGet(tally, transact, (TransactGetItemsResponse) response);
            default -> {
                List<Write> writes = attributes.getAttribute(WRITES);
                if (writes != null) {
                    written(tally, request, response, writes);
                } else {
                    tally.call(request.getClass().getSimpleName().replace("Request", ""));
                }
            }
        }
    }

    private static boolean metering() {
        return current != null && !UNMETERED.get();
    }

    // ---- reads

    private static void getItem(Tally tally, GetItemRequest get, GetItemResponse response) {
        boolean whole = get.projectionExpression() == null && !get.hasAttributesToGet();
        Map<String, AttributeValue> item = whole ? response.item() : readBack(get.tableName(), List.of(get.key())).get(get.key());
        tally.call("GetItem(table)");
        tally.read(readUnits(ItemSize.of(item), Boolean.TRUE.equals(get.consistentRead())), 1,
                response.hasItem() && !response.item().isEmpty() ? 1 : 0, response.consumedCapacity());
    }

    private static void batchGetItem(Tally tally, BatchGetItemRequest batch, BatchGetItemResponse response) {
        for (var entry : batch.requestItems().entrySet()) {
            String table = entry.getKey();
            KeysAndAttributes asked = entry.getValue();
            Set<Map<String, AttributeValue>> unprocessed = response.hasUnprocessedKeys() && response.unprocessedKeys().containsKey(table)
                    ? new HashSet<>(response.unprocessedKeys().get(table).keys()) : Set.of();
            List<Map<String, AttributeValue>> processed = asked.keys().stream().filter(key -> !unprocessed.contains(key)).toList();
            List<Map<String, AttributeValue>> returned = response.responses().getOrDefault(table, List.of());
            boolean whole = asked.projectionExpression() == null && !asked.hasAttributesToGet();
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = new HashMap<>();
            if (whole) {
                TableShape shape = shape(table);
                returned.forEach(item -> items.put(shape.keyOf(item), item));
            } else {
                items.putAll(readBack(table, processed));
            }
            double units = 0;
            for (Map<String, AttributeValue> key : processed) {
                units += readUnits(ItemSize.of(items.get(key)), Boolean.TRUE.equals(asked.consistentRead()));
            }
            tally.call("BatchGetItem(" + (Boolean.TRUE.equals(asked.consistentRead()) ? "strong" : "eventual") + ")");
            tally.read(units, processed.size(), returned.size(), null);
        }
        if (response.hasConsumedCapacity()) {
            response.consumedCapacity().forEach(capacity -> tally.read(0, 0, 0, capacity));
        }
    }

    private static void query(Tally tally, QueryRequest query, QueryResponse response) {
        boolean asReturned = query.filterExpression() == null && query.projectionExpression() == null && !query.hasAttributesToGet()
                && (query.select() == null || query.select() == Select.ALL_ATTRIBUTES || query.select() == Select.ALL_PROJECTED_ATTRIBUTES);
        List<Map<String, AttributeValue>> evaluated = asReturned ? response.items() : unmetered(() -> reader.query(QueryRequest.builder()
                .tableName(query.tableName()).indexName(query.indexName())
                .keyConditionExpression(query.keyConditionExpression())
                .expressionAttributeNames(used(query.expressionAttributeNames(), query.keyConditionExpression()))
                .expressionAttributeValues(used(query.expressionAttributeValues(), query.keyConditionExpression()))
                .exclusiveStartKey(query.hasExclusiveStartKey() ? query.exclusiveStartKey() : null)
                .limit(query.limit()).scanIndexForward(query.scanIndexForward()).consistentRead(query.consistentRead())
                .build()).items());
        long bytes = evaluated.stream().mapToLong(ItemSize::of).sum();
        String on = query.indexName() == null ? "table" : query.indexName();
        tally.call("Query(" + on + (query.select() == Select.COUNT ? ",COUNT" : "") + (query.filterExpression() != null ? ",filter" : "") + ")");
        tally.read(readUnits(bytes, Boolean.TRUE.equals(query.consistentRead())), evaluated.size(), response.count(), response.consumedCapacity());
        if (query.filterExpression() != null) {
            tally.filtered(evaluated.size() - response.count());
        }
    }

    private static void scan(Tally tally, ScanRequest scan, ScanResponse response) {
        List<Map<String, AttributeValue>> evaluated = unmetered(() -> reader.scan(ScanRequest.builder()
                .tableName(scan.tableName()).indexName(scan.indexName())
                .exclusiveStartKey(scan.hasExclusiveStartKey() ? scan.exclusiveStartKey() : null)
                .limit(scan.limit()).consistentRead(scan.consistentRead()).segment(scan.segment()).totalSegments(scan.totalSegments())
                .build()).items());
        long bytes = evaluated.stream().mapToLong(ItemSize::of).sum();
        tally.call("Scan(" + (scan.indexName() == null ? "table" : scan.indexName()) + ")");
        tally.scan();
        tally.read(readUnits(bytes, Boolean.TRUE.equals(scan.consistentRead())), evaluated.size(), response.count(), response.consumedCapacity());
        if (scan.filterExpression() != null) {
            tally.filtered(evaluated.size() - response.count());
        }
    }

    private static void transactGet(Tally tally, TransactGetItemsRequest transact, TransactGetItemsResponse response) {
        double units = 0;
        for (var item : transact.transactItems()) {
            var get = item.get();
            units += 2 * readUnits(ItemSize.of(readBack(get.tableName(), List.of(get.key())).get(get.key())), true);
        }
        tally.call("TransactGetItems");
        tally.read(units, transact.transactItems().size(), response.responses().size(), null);
        if (response.hasConsumedCapacity()) {
            response.consumedCapacity().forEach(capacity -> tally.read(0, 0, 0, capacity));
        }
    }

    /** Read units of reading {@code bytes}: whole 4 KB units, at least one (reading nothing is still a read). */
    static double readUnits(long bytes, boolean strongly) {
        long units = Math.max(1, (bytes + READ_UNIT - 1) / READ_UNIT);
        return strongly ? units : units / 2.0;
    }

    static long writeUnits(long bytes) {
        return Math.max(1, (bytes + WRITE_UNIT - 1) / WRITE_UNIT);
    }

    // ---- writes

    private enum Kind { PUT, UPDATE, DELETE, CHECK }

    /** One item a write call touches; {@code after} is known before the call only for a put. */
    private record Write(String table, Map<String, AttributeValue> key, Kind kind, boolean transactional,
                         Map<String, AttributeValue> after, Map<String, AttributeValue> before) {

        Write before(Map<String, AttributeValue> item) {
            return new Write(table, key, kind, transactional, after, item);
        }
    }

    private static List<Write> writesOf(SdkRequest request) {
        List<Write> writes = new ArrayList<>();
        switch (request) {
            case PutItemRequest put -> writes.add(new Write(put.tableName(), shape(put.tableName()).keyOf(put.item()), Kind.PUT, false, put.item(), null));
            case UpdateItemRequest update -> writes.add(new Write(update.tableName(), update.key(), Kind.UPDATE, false, null, null));
            case DeleteItemRequest delete -> writes.add(new Write(delete.tableName(), delete.key(), Kind.DELETE, false, null, null));
            case BatchWriteItemRequest batch -> batch.requestItems().forEach((table, requests) -> {
                for (WriteRequest write : requests) {
                    writes.add(write.putRequest() != null
                            ? new Write(table, shape(table).keyOf(write.putRequest().item()), Kind.PUT, false, write.putRequest().item(), null)
                            : new Write(table, write.deleteRequest().key(), Kind.DELETE, false, null, null));
                }
            });
            case TransactWriteItemsRequest transact -> {
                for (TransactWriteItem item : transact.transactItems()) {
                    if (item.put() != null) {
                        String table = item.put().tableName();
                        writes.add(new Write(table, shape(table).keyOf(item.put().item()), Kind.PUT, true, item.put().item(), null));
                    } else if (item.update() != null) {
                        writes.add(new Write(item.update().tableName(), item.update().key(), Kind.UPDATE, true, null, null));
                    } else if (item.delete() != null) {
                        writes.add(new Write(item.delete().tableName(), item.delete().key(), Kind.DELETE, true, null, null));
                    } else if (item.conditionCheck() != null) {
                        writes.add(new Write(item.conditionCheck().tableName(), item.conditionCheck().key(), Kind.CHECK, true, null, null));
                    }
                }
            }
            default -> {
                // not a write
            }
        }
        return writes;
    }

    private static void written(Tally tally, SdkRequest request, SdkResponse response, List<Write> writes) {
        Set<WriteRequest> unprocessed = new HashSet<>();
        if (response instanceof BatchWriteItemResponse batch && batch.hasUnprocessedItems()) {
            batch.unprocessedItems().values().forEach(unprocessed::addAll);
        }
        List<Write> done = writes;
        if (request instanceof BatchWriteItemRequest batch && !unprocessed.isEmpty()) {
            done = new ArrayList<>();
            int i = 0;
            for (List<WriteRequest> requests : batch.requestItems().values()) {
                for (WriteRequest write : requests) {
                    if (!unprocessed.contains(write)) {
                        done.add(writes.get(i));
                    }
                    i++;
                }
            }
        }
        Map<String, List<Map<String, AttributeValue>>> updated = new HashMap<>();
        done.stream().filter(write -> write.kind() == Kind.UPDATE)
                .forEach(write -> updated.computeIfAbsent(write.table(), table -> new ArrayList<>()).add(write.key()));
        Map<String, Map<Map<String, AttributeValue>, Map<String, AttributeValue>>> after = new HashMap<>();
        updated.forEach((table, keys) -> after.put(table, readBack(table, keys)));
        double table = 0;
        double index = 0;
        for (Write write : done) {
            Map<String, AttributeValue> newItem = switch (write.kind()) {
                case PUT -> write.after();
                case UPDATE -> after.get(write.table()).get(write.key());
                case DELETE -> null;
                case CHECK -> write.before();
            };
            long bytes = write.kind() == Kind.DELETE ? ItemSize.of(write.before())
                    : Math.max(ItemSize.of(write.before()), ItemSize.of(newItem));
            table += (write.transactional() ? 2 : 1) * writeUnits(bytes);
            if (write.kind() != Kind.CHECK) {
                for (IndexShape shape : shape(write.table()).indexes()) {
                    index += shape.writeUnits(write.before(), newItem, shape(write.table()));
                }
            }
        }
        String name = request.getClass().getSimpleName().replace("Request", "");
        tally.call(name);
        tally.write(table, index, done.size());
        switch (response) {
            case PutItemResponse put -> tally.engineWrite(listOf(put.consumedCapacity()));
            case UpdateItemResponse update -> tally.engineWrite(listOf(update.consumedCapacity()));
            case DeleteItemResponse delete -> tally.engineWrite(listOf(delete.consumedCapacity()));
            case BatchWriteItemResponse batch -> tally.engineWrite(batch.hasConsumedCapacity() ? batch.consumedCapacity() : List.of());
            case TransactWriteItemsResponse transact -> tally.engineWrite(transact.hasConsumedCapacity() ? transact.consumedCapacity() : List.of());
            default -> {
                // no other writes
            }
        }
    }

    private static List<ConsumedCapacity> listOf(ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }

    // ---- the table's keys and indexes

    /** The table's key attributes and its secondary indexes, read once per table. */
    private record TableShape(String partitionKey, String sortKey, List<IndexShape> indexes) {

        Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new HashMap<>();
            key.put(partitionKey, item.get(partitionKey));
            if (sortKey != null) {
                key.put(sortKey, item.get(sortKey));
            }
            return key;
        }
    }

    /** One index: its keys and what it projects. */
    private record IndexShape(String name, String partitionKey, String sortKey, ProjectionType projection, Set<String> included) {

        /** The index's entry for an item, or null where the item is not in this (sparse) index. */
        Map<String, AttributeValue> entryOf(Map<String, AttributeValue> item, TableShape table) {
            if (item == null || !scalar(item.get(partitionKey)) || sortKey != null && !scalar(item.get(sortKey))) {
                return null;
            }
            if (projection == ProjectionType.ALL) {
                return item;
            }
            Map<String, AttributeValue> entry = new HashMap<>(table.keyOf(item));
            entry.put(partitionKey, item.get(partitionKey));
            if (sortKey != null) {
                entry.put(sortKey, item.get(sortKey));
            }
            if (projection == ProjectionType.INCLUDE) {
                included.stream().filter(item::containsKey).forEach(name -> entry.put(name, item.get(name)));
            }
            return entry;
        }

        /**
         * What a write costs this index: nothing if its entry stays absent or unchanged; the entry
         * added or removed; the larger of the two if it changed in place; both if its key moved.
         */
        long writeUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after, TableShape table) {
            Map<String, AttributeValue> old = entryOf(before, table);
            Map<String, AttributeValue> now = entryOf(after, table);
            if (old == null && now == null || old != null && old.equals(now)) {
                return 0;
            }
            if (old == null) {
                return CapacityMeter.writeUnits(ItemSize.of(now));
            }
            if (now == null) {
                return CapacityMeter.writeUnits(ItemSize.of(old));
            }
            boolean moved = !old.get(partitionKey).equals(now.get(partitionKey))
                    || sortKey != null && !old.get(sortKey).equals(now.get(sortKey));
            long oldUnits = CapacityMeter.writeUnits(ItemSize.of(old));
            long newUnits = CapacityMeter.writeUnits(ItemSize.of(now));
            return moved ? oldUnits + newUnits : Math.max(oldUnits, newUnits);
        }

        private static boolean scalar(AttributeValue value) {
            return value != null && (value.s() != null || value.n() != null || value.b() != null);
        }
    }

    private static TableShape shape(String table) {
        return SHAPES.computeIfAbsent(table, name -> {
            TableDescription description = unmetered(() -> reader.describeTable(describe -> describe.tableName(name)).table());
            String partition = null;
            String sort = null;
            for (var key : description.keySchema()) {
                if (key.keyType() == KeyType.HASH) {
                    partition = key.attributeName();
                } else {
                    sort = key.attributeName();
                }
            }
            List<IndexShape> indexes = new ArrayList<>();
            description.globalSecondaryIndexes().forEach(index -> indexes.add(indexShape(index.indexName(), index.keySchema(), index.projection())));
            description.localSecondaryIndexes().forEach(index -> indexes.add(indexShape(index.indexName(), index.keySchema(), index.projection())));
            return new TableShape(partition, sort, List.copyOf(indexes));
        });
    }

    private static IndexShape indexShape(String name, List<KeySchemaElement> keys,
                                         Projection projection) {
        String partition = null;
        String sort = null;
        for (var key : keys) {
            if (key.keyType() == KeyType.HASH) {
                partition = key.attributeName();
            } else {
                sort = key.attributeName();
            }
        }
        return new IndexShape(name, partition, sort, projection.projectionType(),
                projection.hasNonKeyAttributes() ? Set.copyOf(projection.nonKeyAttributes()) : Set.of());
    }

    // ---- unmetered read-backs

    /** The whole stored items at these keys (absent ones left out), read strongly consistently. */
    private static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> readBack(String table, List<Map<String, AttributeValue>> keys) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        TableShape shape = shape(table);
        List<Map<String, AttributeValue>> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(distinct.subList(from, Math.min(distinct.size(), from + 100))).consistentRead(true).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> asked = pending;
                BatchGetItemResponse response = unmetered(() -> reader.batchGetItem(get -> get.requestItems(asked)));
                response.responses().getOrDefault(table, List.of()).forEach(item -> found.put(shape.keyOf(item), item));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    private static <T> T unmetered(Supplier<T> call) {
        UNMETERED.set(true);
        try {
            return call.get();
        } finally {
            UNMETERED.set(false);
        }
    }

    /** Only the placeholders an expression uses: DynamoDB refuses unused ones. */
    private static <V> Map<String, V> used(Map<String, V> placeholders, String expression) {
        if (placeholders == null || placeholders.isEmpty() || expression == null) {
            return null;
        }
        Map<String, V> used = new HashMap<>();
        placeholders.forEach((name, value) -> {
            if (Pattern.compile(Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(expression).find()) {
                used.put(name, value);
            }
        });
        return used.isEmpty() ? null : used;
    }
}

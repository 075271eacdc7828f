package com.newsapi.bench;

import com.newsapi.config.Config;
import com.newsapi.config.DynamoClients;
import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedFile;
import com.newsapi.loader.SeedLoader;
import com.newsapi.local.SamTemplate;
import com.newsapi.store.Backoff;
import com.newsapi.store.SeedWrites;
import com.newsapi.store.TableKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The seed loader's throughput and heap: one measured run per JVM, which bench/run.sh starts in
 * turns so the variants share the machine's noise, and LoaderReport sums up. Each run prints one
 * {@code RESULT key=value ...} line.
 *
 * <ul>
 *   <li>{@code loader <backend> <articles> [checkpoints]}: the real {@link SeedLoader#load} over
 *       {@link SeedPages} (parser, store, the functions' own DynamoDB client); with checkpoints, the
 *       live heap is taken that many times along the way.</li>
 *   <li>{@code raw <backend> <articles>}: a plain BatchWriteItem loop writing exactly the items the
 *       loader writes for the same pages, through the same client.</li>
 *   <li>{@code seed <endpoint> <table>}: a table loaded with the real seed pages, for ClientFloorMain.</li>
 * </ul>
 *
 * <p>{@code backend} is the local engine's endpoint (each run gets a fresh table from template.yaml and
 * drops it after) or {@code null} ({@link NullHttpClient}: the client's own cost only). System
 * properties: {@code SEEDS} (default seeds), {@code TEMPLATE} (default template.yaml), {@code STREAM}
 * (default false; see {@link #freshTable}).
 */
public final class LoaderBench {

    /** A fixed "now" for the loader's timestamps, so every run writes byte-identical items. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    /** BatchWriteItem's limit, which the raw loop fills. */
    private static final int WRITE_BATCH = 25;

    private LoaderBench() {
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "loader" -> loader(args[1], Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 0);
            case "raw" -> raw(args[1], Integer.parseInt(args[2]));
            case "seed" -> seed(URI.create(args[1]), args[2]);
            default -> throw new IllegalArgumentException("mode: loader | raw | seed, not " + args[0]);
        }
    }

    /** Loads the first pages that hold {@code articles} stories, the way LoaderFunction loads the bundled ones. */
    private static void loader(String backendName, int articles, int checkpoints) {
        SeedPages shapes = SeedPages.from(seeds());
        int pages = shapes.pagesFor(articles);
        try (Backend backend = Backend.open(backendName, "loader")) {
            CountingDynamoDb counting = new CountingDynamoDb(backend.client());
            SeedLoader loader = new SeedLoader(new SeedWrites(counting, backend.table(), Backoff.standard()), CLOCK);
            try (HeapWatch heap = HeapWatch.start()) {
                Iterable<SeedFile> input = shapes.pages(pages);
                if (checkpoints > 0) {
                    heap.checkpoint();
                    input = heap.checkpointing(input, Math.max(1, pages / checkpoints));
                }
                long checkpointsBefore = heap.checkpointNanos();
                long start = System.nanoTime();
                SeedLoader.Result result = loader.load(input);
                long nanos = System.nanoTime() - start - (heap.checkpointNanos() - checkpointsBefore);
                if (checkpoints > 0) {
                    heap.checkpoint();
                }
                expectEveryStoryNew(shapes, pages, result);
                StringJoiner line = result("loader", backend, result.written(), pages, nanos, counting);
                line.add("peakMiB=" + mib(heap.peakUsed()));
                if (checkpoints > 0) {
                    List<Long> live = heap.live();
                    line.add("liveMiB=" + mib(live.stream().mapToLong(Long::longValue).max().orElseThrow()))
                            .add("liveSeriesMiB=" + String.join("/", live.stream().map(LoaderBench::mib).toList()));
                }
                System.out.println(line);
            }
        }
    }

    /**
     * Writes the table {@link #loader} leaves, prepared beforehand and untimed: the loader itself is
     * run against {@link CapturingDynamoDb} (which answers its reads as a fresh table would), and
     * every item it puts (postings in batches; articles and slug claims in transactions) is kept, in
     * order, then each counter once in its final state. The loop then packs them 25 a call, as a
     * hand-written bulk write would, starting a new call early only where a key would repeat inside one.
     */
    private static void raw(String backendName, int articles) {
        SeedPages shapes = SeedPages.from(seeds());
        int pages = shapes.pagesFor(articles);
        List<List<WriteRequest>> batches = pack(capture(shapes.pages(pages), CLOCK));
        try (Backend backend = Backend.open(backendName, "raw")) {
            CountingDynamoDb counting = new CountingDynamoDb(backend.client());
            long start = System.nanoTime();
            for (List<WriteRequest> batch : batches) {
                Map<String, List<WriteRequest>> pending = Map.of(backend.table(), batch);
                while (!pending.isEmpty()) {
                    BatchWriteItemResponse response = counting.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                    pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                }
            }
            long nanos = System.nanoTime() - start;
            System.out.println(result("raw", backend, stories(shapes, pages), pages, nanos, counting));
        }
    }

    /** The items the raw loop writes for these pages: those the loader leaves in a fresh table, in the order it wrote them. */
    static List<WriteRequest> capture(Iterable<SeedFile> pages, Clock clock) {
        CapturingDynamoDb capture = new CapturingDynamoDb();
        new SeedLoader(new SeedWrites(capture, "capture", Backoff.standard()), clock).load(pages);
        return capture.writes();
    }

    private static List<List<WriteRequest>> pack(List<WriteRequest> writes) {
        List<List<WriteRequest>> batches = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>(WRITE_BATCH);
        Set<Map<String, AttributeValue>> keys = new HashSet<>();
        for (WriteRequest write : writes) {
            Map<String, AttributeValue> item = write.putRequest().item();
            Map<String, AttributeValue> key = TableKeys.keyOf(item);
            if (batch.size() == WRITE_BATCH || keys.contains(key)) {
                batches.add(batch);
                batch = new ArrayList<>(WRITE_BATCH);
                keys.clear();
            }
            batch.add(write);
            keys.add(key);
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** A table holding the real seed pages, as the local API's is. */
    private static void seed(URI endpoint, String table) {
        try (DynamoDbClient dynamo = DynamoClients.create(new Config(table, Optional.of(endpoint), "us-east-1"))) {
            dynamo.createTable(freshTable(table));
            SeedLoader.Result result = new SeedLoader(new SeedWrites(dynamo, table, Backoff.standard()), CLOCK)
                    .load(BundledSeeds.fromFolder(seeds()));
            System.out.println("seeded " + table + ": " + result);
        }
    }

    /** Generated ids are all new: a story counted unchanged would mean two pages share a headline. */
    private static void expectEveryStoryNew(SeedPages shapes, int pages, SeedLoader.Result result) {
        int stories = stories(shapes, pages);
        if (result.written() != stories || result.unchanged() != 0) {
            throw new IllegalStateException("expected " + stories + " new stories, the loader reported " + result);
        }
    }

    /**
     * One run's RESULT line. {@code items} and {@code bytes} are what the run wrote: BatchWriteItem's
     * items and TransactWriteItems' (puts and counter updates); every kind of call follows with its
     * calls, items and time.
     */
    private static int stories(SeedPages shapes, int pages) {
        int stories = 0;
        for (int page = 0; page < pages; page++) {
            stories += shapes.storiesOn(page);
        }
        return stories;
    }

    private static StringJoiner result(String variant, Backend backend, int articles, int pages, long nanos,
                                       CountingDynamoDb counting) {
        StringJoiner line = new StringJoiner(" ", "RESULT ", "");
        Map<String, CountingDynamoDb.Tally> tallies = counting.tallies();
        long items = 0;
        long bytes = 0;
        for (String kind : List.of(CountingDynamoDb.BATCH_WRITE, CountingDynamoDb.TRANSACT)) {
            CountingDynamoDb.Tally writes = tallies.getOrDefault(kind, new CountingDynamoDb.Tally());
            items += writes.items;
            bytes += writes.bytes;
        }
        line.add("variant=" + variant).add("backend=" + backend.name()).add("articles=" + articles).add("pages=" + pages)
                .add("items=" + items).add("bytes=" + bytes).add("seconds=" + seconds(nanos));
        tallies.forEach((kind, tally) -> {
            String key = kind.replace(' ', '_');
            line.add(key + ".calls=" + tally.calls).add(key + ".items=" + tally.items).add(key + ".seconds=" + seconds(tally.nanos));
        });
        return line;
    }

    private static String seconds(long nanos) {
        return String.format("%.3f", nanos / 1e9);
    }

    private static String mib(long bytes) {
        return String.format("%.1f", bytes / (1024.0 * 1024.0));
    }

    private static Path seeds() {
        return Path.of(System.getProperty("SEEDS", "seeds"));
    }

    /**
     * The table of template.yaml under a new name. Without its stream unless {@code -DSTREAM=true}:
     * the benchmark measures the loader's writes, and an emulator's stream bookkeeping is no model of
     * DynamoDB's (an earlier emulator slowed down as stream records piled up; DynamoDB's streams do not
     * slow writes).
     */
    static CreateTableRequest freshTable(String name) {
        return freshTable(name, Path.of(System.getProperty("TEMPLATE", "template.yaml")));
    }

    static CreateTableRequest freshTable(String name, Path template) {
        CreateTableRequest table = SamTemplate.read(template).table(name);
        return Boolean.getBoolean("STREAM") ? table : table.toBuilder().streamSpecification((StreamSpecification) null).build();
    }

    /** Where a run writes: a fresh table in the local engine (dropped on close), or the null backend. */
    private record Backend(String name, DynamoDbClient client, String table) implements AutoCloseable {

        static Backend open(String backend, String variant) {
            if ("null".equals(backend)) {
                DynamoDbClient client = DynamoDbClient.builder()
                        .httpClient(new NullHttpClient())
                        .endpointOverride(URI.create("http://null.invalid"))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .overrideConfiguration(DynamoClients.overrides().build())
                        .build();
                return new Backend("null", client, "bench-" + variant);
            }
            String table = "bench-" + variant + "-" + System.currentTimeMillis();
            // The functions' own client factory: url-connection, their timeouts and retry strategy.
            DynamoDbClient client = DynamoClients.create(new Config(table, Optional.of(URI.create(backend)), "us-east-1"));
            client.createTable(freshTable(table));
            return new Backend("engine", client, table);
        }

        @Override
        public void close() {
            if (!"null".equals(name)) {
                // Dropping hundreds of thousands of items can take an engine longer than the
                // functions' 3 s attempt limit; the run is measured already, so give it a minute.
                client.deleteTable(delete -> delete.tableName(table)
                        .overrideConfiguration(slow -> slow.apiCallTimeout(Duration.ofMinutes(1)).apiCallAttemptTimeout(Duration.ofMinutes(1))));
            }
            client.close();
        }
    }

    /**
     * The loader's view of a fresh table, without one: reads find nothing, writes all succeed and
     * are kept. For preparing the raw loop's items; not thread-safe.
     */
    private static final class CapturingDynamoDb implements DynamoDbClient {

        private final List<WriteRequest> puts = new ArrayList<>();
        private final Map<Map<String, AttributeValue>, Map<String, AttributeValue>> counters = new LinkedHashMap<>();

        /** Every item put, in order, then every counter as the loader's updates leave it. */
        List<WriteRequest> writes() {
            List<WriteRequest> writes = new ArrayList<>(puts);
            counters.values().forEach(counter -> writes.add(put(counter)));
            return writes;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            return BatchGetItemResponse.builder().build();
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            request.requestItems().values().forEach(puts::addAll);
            return BatchWriteItemResponse.builder().build();
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            for (TransactWriteItem write : request.transactItems()) {
                if (write.put() != null) {
                    puts.add(put(write.put().item()));
                } else if (write.update() != null) {
                    apply(write.update());
                } else {
                    throw new IllegalStateException("the loader's transactions put and update; not " + write);
                }
            }
            return TransactWriteItemsResponse.builder().build();
        }

        /**
         * A counter update on the item it leaves: "ADD #n :v" sums, "SET #n = if_not_exists(#n, :v)"
         * keeps the first value. Any other expression fails, so a loader that starts writing others
         * shows up here rather than as a raw loop that writes less than the loader.
         */
        private void apply(Update update) {
            Map<String, AttributeValue> item = counters.computeIfAbsent(update.key(), key -> new HashMap<>(key));
            Matcher add = ADD.matcher(update.updateExpression());
            Matcher set = SET_IF_MISSING.matcher(update.updateExpression());
            if (!add.lookingAt()) {
                throw new IllegalStateException("not a counter update: " + update.updateExpression());
            }
            String counted = update.expressionAttributeNames().get(add.group(1));
            long sum = Long.parseLong(update.expressionAttributeValues().get(add.group(2)).n())
                    + (item.containsKey(counted) ? Long.parseLong(item.get(counted).n()) : 0);
            item.put(counted, AttributeValue.fromN(Long.toString(sum)));
            if (add.end() < update.updateExpression().length()) {
                if (!set.find(add.end()) || set.end() != update.updateExpression().length()) {
                    throw new IllegalStateException("not a counter update: " + update.updateExpression());
                }
                item.putIfAbsent(update.expressionAttributeNames().get(set.group(1)), update.expressionAttributeValues().get(set.group(2)));
            }
        }

        private static final Pattern ADD = Pattern.compile("ADD (#\\w+) (:\\w+)");
        private static final Pattern SET_IF_MISSING = Pattern.compile(" SET (#\\w+) = if_not_exists\\(\\1, (:\\w+)\\)");

        private static WriteRequest put(Map<String, AttributeValue> item) {
            return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}

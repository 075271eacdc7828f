package com.newsapi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.config.Config;
import com.newsapi.config.DynamoClients;
import com.newsapi.engine.DynamoEngine;
import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedFile;
import com.newsapi.loader.SeedLoader;
import com.newsapi.store.Backoff;
import com.newsapi.store.SeedWrites;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What bench/run.sh's loader section measures holds: the loader runs through the counting client
 * with every call it makes passed on and tallied, and the raw loop writes exactly the table the
 * loader leaves. Against the local engine, on template.yaml's table, with the real seed pages.
 */
class LoaderBenchTest {

    private static final Path SEEDS = Path.of("../seeds");
    private static final Path TEMPLATE = Path.of("../template.yaml");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static DynamoEngine engine;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        engine = DynamoEngine.start("127.0.0.1", 0);
        dynamo = DynamoClients.create(new Config("unused", Optional.of(engine.endpoint()), "us-east-1"));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        engine.close();
    }

    @Test
    void theLoader_runsThroughTheCountingClient_withItsTransactionsAndDeletesPassedOnAndTallied() {
        String table = freshTable("counted");
        CountingDynamoDb counting = new CountingDynamoDb(dynamo);
        SeedLoader loader = new SeedLoader(new SeedWrites(counting, table, Backoff.standard()), CLOCK);
        List<SeedFile> seeds = seeds();

        SeedLoader.Result first = loader.load(seeds);
        // The first page's story loses a word: the rewrite removes that word's search posting (DeleteItem).
        SeedFile changed = new SeedFile(seeds.getFirst().name(), seeds.getFirst().text().replace("smart", "clever"));
        SeedLoader.Result second = loader.load(List.of(changed));

        assertThat(first.written()).isPositive();
        assertThat(second.written()).isEqualTo(1);
        Map<String, CountingDynamoDb.Tally> tallies = counting.tallies();
        assertThat(tallies).containsKeys(CountingDynamoDb.BATCH_WRITE, CountingDynamoDb.TRANSACT, "get versions", "get slugs", "DeleteItem");
        // Each article written goes into a transaction with its slug claim.
        assertThat(tallies.get(CountingDynamoDb.TRANSACT).items).isGreaterThanOrEqualTo(2L * (first.written() + second.written()));
        assertThat(tallies.get(CountingDynamoDb.BATCH_WRITE).bytes).isPositive();
        assertThat(articleCount(table)).isEqualTo(first.written());
    }

    @Test
    void theRawLoop_writesExactlyTheItemsTheLoaderLeavesInTheTable() {
        String table = freshTable("leaves");
        new SeedLoader(new SeedWrites(dynamo, table, Backoff.standard()), CLOCK).load(seeds());

        List<WriteRequest> raw = LoaderBench.capture(seeds(), CLOCK);

        Map<List<AttributeValue>, Map<String, AttributeValue>> rawTable = new HashMap<>();
        for (WriteRequest write : raw) {
            Map<String, AttributeValue> item = write.putRequest().item();
            rawTable.put(List.of(item.get("pk"), item.get("sk")), item);
        }
        assertThat(rawTable.values()).containsExactlyInAnyOrderElementsOf(scan(table));
    }

    private static String freshTable(String name) {
        // Creating the table's indexes can take an engine on a busy machine longer than the functions' 3 s attempt limit.
        dynamo.createTable(LoaderBench.freshTable(name, TEMPLATE).toBuilder()
                .overrideConfiguration(slow -> slow.apiCallAttemptTimeout(Duration.ofMinutes(1)).apiCallTimeout(Duration.ofMinutes(1))).build());
        return name;
    }

    private static List<SeedFile> seeds() {
        List<SeedFile> seeds = new ArrayList<>();
        BundledSeeds.fromFolder(SEEDS).forEach(seeds::add);
        return seeds;
    }

    private static List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    private static long articleCount(String table) {
        return scan(table).stream().filter(item -> item.get("pk").s().startsWith("ARTICLE#")).count();
    }
}

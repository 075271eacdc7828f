package com.newsapi.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.search.SearchQuery;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.store.SeedWrites;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

class SeedLoaderTest {

    private static final Path SEEDS = Path.of("../seeds");
    private static final Backoff NO_WAIT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 5, duration -> { });
    private static final Clock FIRST_RUN = Clock.fixed(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);
    private static final Clock SECOND_RUN = Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), ZoneOffset.UTC);

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, NO_WAIT);
    private final SeedWrites seeds = new SeedWrites(dynamo, table, NO_WAIT);

    @Test
    void load_writesEveryStoryAndTeaser_withTheirSlugs() {
        SeedLoader.Result result = new SeedLoader(seeds, FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS));

        assertThat(result).isEqualTo(new SeedLoader.Result(2, 2, 10, 12, 0));
        Map<String, Map<String, AttributeValue>> items = itemsByKey();
        assertThat(items.keySet().stream().filter(key -> key.startsWith("ARTICLE#"))).hasSize(12);
        assertThat(items.keySet().stream().filter(key -> key.startsWith("SLUG#"))).hasSize(12);
        assertThat(items.keySet().stream().filter(key -> key.startsWith("TERM#kim|"))).hasSize(2);
        Article kim = store.findBySlug("trump-wants-to-reconnect-with-kim-jong-un").orElseThrow();
        assertThat(kim.publishedAt()).isEqualTo(Instant.parse("2025-01-24T20:20:00Z"));
        assertThat(kim.source().file()).isEqualTo("000_f5b8cecab90531ab.txt");
        assertThat(kim.excerpt()).isFalse();
        assertThat(kim.version()).isEqualTo(1);
        assertThat(kim.createdAt()).isEqualTo(FIRST_RUN.instant());
        assertThat(kim.wordCount()).isGreaterThan(250);
    }

    @Test
    void aSlugHeldByAnotherArticle_givesTheStoryTheNextFreeNumber() {
        String slug = "trump-wants-to-reconnect-with-kim-jong-un";
        for (String held : java.util.List.of(slug, slug + "-2", slug + "-3")) {
            Article other = com.newsapi.testing.Articles.published("Another " + held, Instant.parse("2026-01-01T00:00:00Z"));
            seeds.putAll(java.util.List.of(Articles.from(other).slug(held).excerpt(false).version(1).build()),
                    Map.of(other.id(), "edited"));
        }

        new SeedLoader(seeds, FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS));

        Article kim = store.findBySlug(slug + "-4").orElseThrow();
        assertThat(kim.title()).isEqualTo("Trump Wants to Reconnect with Kim Jong Un");
        assertThat(store.findBySlug(slug).orElseThrow().title()).startsWith("Another");
    }

    @Test
    void load_twice_leavesExactlyTheSameItems() {
        new SeedLoader(seeds, FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS));
        Map<String, Map<String, AttributeValue>> afterFirst = itemsByKey();

        SeedLoader.Result second = new SeedLoader(seeds, SECOND_RUN).load(BundledSeeds.fromFolder(SEEDS));

        assertThat(second.written()).isZero();
        assertThat(second.unchanged()).isEqualTo(12);
        assertThat(itemsByKey()).isEqualTo(afterFirst);
    }

    @Test
    void load_afterACrashHalfWay_endsWithTheSameItemsAsOneCleanRun() {
        DynamoDbClient clean = TestDatabase.client();
        String cleanTable = TestDatabase.newTable(clean);
        new SeedLoader(new SeedWrites(clean, cleanTable, NO_WAIT), FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS));
        SeedWrites crashing = new SeedWrites(TestDatabase.client(new FailAfterBatches(1)), table, NO_WAIT);

        assertThatThrownBy(() -> new SeedLoader(crashing, FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS)))
                .isInstanceOf(RuntimeException.class);
        long writtenBeforeCrash = itemsByKey().size();
        new SeedLoader(seeds, FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS));

        Map<String, Map<String, AttributeValue>> expected = itemsByKey(clean, cleanTable);
        assertThat(writtenBeforeCrash).isPositive().isLessThan(expected.size());
        assertThat(itemsByKey()).isEqualTo(expected);
    }

    @Test
    void load_writesNoRevisions_andMarksNoArticleAsRevised() {
        new SeedLoader(seeds, FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS));
        new SeedLoader(seeds, SECOND_RUN).load(BundledSeeds.fromFolder(SEEDS));

        assertThat(itemsByKey().keySet()).noneMatch(key -> key.contains("REVISION#"));
        assertThat(itemsByKey().values()).noneMatch(item -> item.containsKey("revisedVersion"));
    }

    @Test
    void load_neverOverwritesAnArticleAnEditorChanged() {
        new SeedLoader(seeds, FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS));
        Article kim = store.findBySlug("trump-wants-to-reconnect-with-kim-jong-un").orElseThrow();
        dynamo.updateItem(update -> update.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("ARTICLE#" + kim.id()), "sk", AttributeValue.fromS("ARTICLE")))
                .updateExpression("SET title = :t, contentHash = :h")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("Edited"), ":h", AttributeValue.fromS("edited"))));

        new SeedLoader(seeds, SECOND_RUN).load(BundledSeeds.fromFolder(SEEDS));

        assertThat(store.findById(kim.id()).orElseThrow().title()).isEqualTo("Edited");
    }

    @Test
    void load_datesATeaserShownOnSeveralPages_byTheEarliestPage_inEitherOrder() throws Exception {
        String page = java.nio.file.Files.readString(SEEDS.resolve("000_f5b8cecab90531ab.txt"));
        SeedFile late = new SeedFile("late.txt", page);
        SeedFile early = new SeedFile("early.txt", page.replace("January 24, 2025 8:20 pm", "January 10, 2025 9:00 am")
                .replace("Trump Wants to Reconnect with Kim Jong Un", "An earlier story"));
        String otherTable = TestDatabase.newTable(dynamo);
        ArticleStore other = new ArticleStore(dynamo, otherTable, NO_WAIT);

        new SeedLoader(seeds, FIRST_RUN).load(java.util.List.of(late, early));
        new SeedLoader(new SeedWrites(dynamo, otherTable, NO_WAIT), FIRST_RUN).load(java.util.List.of(early, late));
        Map<String, Map<String, AttributeValue>> afterFirst = itemsByKey();
        SeedLoader.Result rerun = new SeedLoader(seeds, SECOND_RUN).load(java.util.List.of(late, early));

        for (ArticleStore loaded : java.util.List.of(store, other)) {
            Article teaser = loaded.findBySlug("indian-rupee-hits-historic-low").orElseThrow();
            assertThat(teaser.excerpt()).isTrue();
            assertThat(teaser.publishedAt()).isEqualTo(Instant.parse("2025-01-10T09:00:00Z"));
        }
        assertThat(rerun.written()).isZero();
        assertThat(itemsByKey()).isEqualTo(afterFirst);
    }

    @Test
    void load_rewritesWhatTheOldFeedRuleLeftAtTheLoadersTime_andNothingElse() {
        new SeedLoader(seeds, FIRST_RUN).load(BundledSeeds.fromFolder(SEEDS));
        String loadTime = "2026-11-01T08:00:00.000Z#";
        // What a table loaded before the rule holds: teasers without a date (and their hash), every
        // undated item, and its search postings, at the moment the loader ran.
        for (Map<String, AttributeValue> posting : itemsByKey().values()) {
            if (posting.get("pk").s().startsWith("TERM#") && !posting.get("articleId").s().equals(kimId())) {
                Map<String, AttributeValue> moved = new java.util.HashMap<>(posting);
                moved.put("sk", AttributeValue.fromS(loadTime + posting.get("articleId").s()));
                dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", posting.get("pk"), "sk", posting.get("sk"))));
                dynamo.putItem(put -> put.tableName(table).item(moved));
            }
        }
        for (Map<String, AttributeValue> item : itemsByKey().values()) {
            if (!item.get("pk").s().startsWith("ARTICLE#") || item.get("id").s().equals(kimId())) {
                continue;
            }
            Article stored = store.findById(item.get("id").s()).orElseThrow();
            String oldHash = stored.excerpt()
                    ? SeedLoader.contentHash(new com.newsapi.seed.ParsedArticle(stored.title(), stored.summary(), stored.body(),
                            null, null, stored.source().siteName(), true))
                    : item.get("contentHash").s();
            dynamo.updateItem(update -> update.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                    .updateExpression("SET feedKey = :k, contentHash = :h REMOVE publishedAt")
                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(loadTime + stored.id()),
                            ":h", AttributeValue.fromS(oldHash))));
        }

        SeedLoader.Result rerun = new SeedLoader(seeds, SECOND_RUN).load(BundledSeeds.fromFolder(SEEDS));

        assertThat(rerun.written()).isEqualTo(11);
        Map<String, Map<String, AttributeValue>> items = itemsByKey();
        assertThat(items.values().stream().filter(item -> item.get("pk").s().startsWith("ARTICLE#"))
                .map(item -> item.get("feedKey").s())).hasSize(12).noneMatch(key -> key.startsWith("2026-"));
        assertThat(items.values().stream().filter(item -> item.get("pk").s().startsWith("TERM#")).map(item -> item.get("sk").s()))
                .as("no posting left where the old rule put an article").isNotEmpty().noneMatch(key -> key.startsWith("2026-"));
        assertThat(store.findById(kimId()).orElseThrow().version()).isEqualTo(1);
        assertThat(store.findBySlug("indian-rupee-hits-historic-low").orElseThrow().version()).isEqualTo(2);
    }

    private static String kimId() {
        return SeedLoader.idOf(new com.newsapi.seed.ParsedArticle("Trump Wants to Reconnect with Kim Jong Un", null,
                java.util.List.of(), null, null, null, false));
    }

    @Test
    void reloadingAChangedPage_removesThePostingsOfWordsItsTextLost() throws Exception {
        String name = "000_f5b8cecab90531ab.txt";
        String text = java.nio.file.Files.readString(SEEDS.resolve(name));
        new SeedLoader(seeds, FIRST_RUN).load(java.util.List.of(new SeedFile(name, text)));
        assertThat(postingKeys("ballistic")).hasSize(1);

        new SeedLoader(seeds, SECOND_RUN).load(java.util.List.of(new SeedFile(name, text.replace("ballistic", "guided"))));

        assertThat(postingKeys("ballistic")).as("the stale posting is gone").isEmpty();
        assertThat(postingKeys("guided")).hasSize(1);
        assertThat(store.find(ArticleQuery.searching(SearchQuery.parse("ballistic")), java.util.Optional.empty(), 10,
                SECOND_RUN.instant()).items()).isEmpty();
    }

    private java.util.List<String> postingKeys(String term) {
        return itemsByKey().keySet().stream().filter(key -> key.startsWith("TERM#" + term + "|")).toList();
    }

    private Map<String, Map<String, AttributeValue>> itemsByKey() {
        return itemsByKey(dynamo, table);
    }

    /** The whole table, for comparing end states: a test may scan, request paths never do. */
    private static Map<String, Map<String, AttributeValue>> itemsByKey(DynamoDbClient client, String tableName) {
        return client.scanPaginator(scan -> scan.tableName(tableName)).items().stream()
                .collect(Collectors.toMap(item -> item.get("pk").s() + "|" + item.get("sk").s(), item -> item));
    }

    /** Lets {@code allowed} batch writes through, then fails every later one as a crashed process would stop. */
    static final class FailAfterBatches implements ExecutionInterceptor {
        private final int allowed;
        private final AtomicInteger seen = new AtomicInteger();

        FailAfterBatches(int allowed) {
            this.allowed = allowed;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof BatchWriteItemRequest && seen.incrementAndGet() > allowed) {
                throw new IllegalStateException("simulated crash");
            }
        }
    }

}

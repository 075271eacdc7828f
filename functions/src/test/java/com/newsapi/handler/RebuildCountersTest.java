package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedLoader;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.store.CounterRebuild;
import com.newsapi.store.SeedWrites;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The loader's {@code {"rebuildCounters": true}}: a table written before counters existed shows its counts after one run. */
class RebuildCountersTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<String> TAGS = List.of("world", "World ", "sport", "tech", "science", "arts", "health", "travel");
    private static final List<String> AUTHORS = List.of("Ada Reporter", "ada  reporter", "Bo Writer", "Cy Editor", "Di Columnist");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());
    private final TestClock clock = new TestClock(START);
    private final EditorService editor = new EditorService(store, clock);
    private final ArticleService reader = new ArticleService(store, clock);
    private final ListTagsHandler tags = new ListTagsHandler(reader, HandlerFactory.countCursors());
    private final ListAuthorsHandler authors = new ListAuthorsHandler(reader, HandlerFactory.countCursors());
    private final LoadSeedsHandler loader = new LoadSeedsHandler(new SeedLoader(seeds, clock), new CounterRebuild(dynamo, table));

    @Test
    void aTableWrittenBeforeCounters_showsCountsEqualToARecount_afterOneRebuild() {
        new SeedLoader(seeds, clock).load(BundledSeeds.fromFolder(Path.of("../seeds")));
        Random random = new Random(20261130);
        for (int i = 0; i < 60; i++) {
            create(random, i);
        }
        deleteEveryCounter(); // as a table written by the version before counters
        assertThat(CountRecount.allPages(tags, 20)).as("before the rebuild").isEmpty();

        Map<String, Object> summary = loader.handleRequest(Map.of(LoadSeedsHandler.REBUILD_COUNTERS, true), null);

        assertThat(summary).containsEntry("removed", 0).containsEntry("unchanged", 0).containsEntry("conflicts", 0);
        assertThat((Integer) summary.get("set")).isEqualTo(counterItems("COUNTS#TAG").size() + counterItems("COUNTS#AUTHOR").size());
        assertCountsMatchRecount("after the rebuild");
        clock.advance(Duration.ofHours(3)); // every scheduled article is visible now, with no write
        assertCountsMatchRecount("after every schedule came");
        assertThat(loader.handleRequest(Map.of(LoadSeedsHandler.REBUILD_COUNTERS, true), null)).as("a second run")
                .containsEntry("set", 0).containsEntry("removed", 0);
    }

    @Test
    void aScheduledArticle_isCountedByItsCounter_andStillHiddenUntilItsInstant() {
        create("Vote today", List.of("election"), "Ada Reporter", ArticleStatus.PUBLISHED, null);
        create("Results tonight", List.of("election", "results"), "Cy Editor", ArticleStatus.SCHEDULED, START.plus(Duration.ofHours(2)));
        deleteEveryCounter();

        loader.handleRequest(Map.of(LoadSeedsHandler.REBUILD_COUNTERS, true), null);

        assertThat(counterItems("COUNTS#TAG")).containsExactly(Map.entry("election", 2L), Map.entry("results", 1L));
        assertThat(CountRecount.allPages(tags, 5)).containsExactly(Map.entry("election", 1L));
        assertThat(CountRecount.allPages(authors, 5)).containsExactly(Map.entry("ada reporter", 1L));
        clock.set(START.plus(Duration.ofHours(2)));
        assertThat(CountRecount.allPages(tags, 5)).containsExactly(Map.entry("election", 2L), Map.entry("results", 1L));
        assertThat(CountRecount.allPages(authors, 5)).containsExactly(Map.entry("ada reporter", 1L), Map.entry("cy editor", 1L));
    }

    @Test
    void theRebuild_loadsNoSeeds_andAnyOtherInputLoadsThem() {
        Map<String, Object> rebuilt = loader.handleRequest(Map.of(LoadSeedsHandler.REBUILD_COUNTERS, true), null);

        assertThat(rebuilt).containsEntry("articles", 0L).containsEntry("set", 0);
        assertThat(CountRecount.visibleArticles(reader)).isEmpty();
        assertThat(new LoadSeedsHandler(new SeedLoader(seeds, clock), new CounterRebuild(dynamo, table)).handleRequest(Map.of(LoadSeedsHandler.REBUILD_COUNTERS, "yes"), null))
                .containsKey("pages");
        assertThat(CountRecount.visibleArticles(reader)).isNotEmpty();
    }

    private void assertCountsMatchRecount(String when) {
        List<Article> visible = CountRecount.visibleArticles(reader);
        for (int limit : new int[] {1, 3, 100}) {
            assertThat(CountRecount.allPages(tags, limit)).as("/tags %s, limit %d", when, limit).containsExactlyEntriesOf(CountRecount.tags(visible));
            assertThat(CountRecount.allPages(authors, limit)).as("/authors %s, limit %d", when, limit)
                    .containsExactlyEntriesOf(CountRecount.authors(visible));
        }
    }

    private void create(Random random, int i) {
        ArticleStatus status = ArticleStatus.values()[random.nextInt(3)];
        Instant publishAt = status == ArticleStatus.SCHEDULED ? clock.instant().plus(Duration.ofMinutes(1 + random.nextInt(120))) : null;
        List<String> chosen = new ArrayList<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            chosen.add(TAGS.get(random.nextInt(TAGS.size())));
        }
        create("Story " + i, chosen, random.nextInt(6) == 0 ? null : AUTHORS.get(random.nextInt(AUTHORS.size())), status, publishAt);
    }

    private void create(String title, List<String> tags, String author, ArticleStatus status, Instant publishAt) {
        editor.create(new ArticleDraft(title, "Summary.", List.of(Block.paragraph("Text of " + title + ".")),
                author == null ? null : new Author(author, null), tags, Optional.of(status), Optional.ofNullable(publishAt)));
    }

    private void deleteEveryCounter() {
        for (String partition : List.of("COUNTS#TAG", "COUNTS#AUTHOR")) {
            counterItems(partition).keySet().forEach(name -> dynamo.deleteItem(d -> d.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(partition), "sk", AttributeValue.fromS(name)))));
        }
    }

    private Map<String, Long> counterItems(String partition) {
        Map<String, Long> items = new TreeMap<>();
        dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition))))
                .items().forEach(item -> items.put(item.get("sk").s(), Long.parseLong(item.get("articles").n())));
        return items;
    }
}

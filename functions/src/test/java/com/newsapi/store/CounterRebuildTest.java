package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.service.EditorService;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class CounterRebuildTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    /** Runs once, just before the rebuild's first counter write: an editor's write landing mid-rebuild. */
    private Runnable beforeTheFirstRebuildWrite = () -> { };
    private final AtomicBoolean interleaved = new AtomicBoolean();
    private final DynamoDbClient dynamo = TestDatabase.client(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest update && update.updateExpression().equals("SET #articles = :n, #name = :name")
                    && interleaved.compareAndSet(false, true)) {
                beforeTheFirstRebuildWrite.run();
            }
        }
    });
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final CounterRebuild rebuild = new CounterRebuild(dynamo, table);
    private final TestClock clock = new TestClock(START);
    private final EditorService editor = new EditorService(store, clock);

    @Test
    void aTableWithArticlesAndNoCounters_getsEveryCounter_countingScheduledArticlesAndNotDrafts() {
        create("One", List.of("World", "sport"), "Ada Reporter", ArticleStatus.PUBLISHED, null);
        create("Two", List.of("world"), "ada  reporter", ArticleStatus.PUBLISHED, null);
        create("Three", List.of("tech"), "Bo Writer", ArticleStatus.SCHEDULED, START.plus(Duration.ofHours(2)));
        create("Four", List.of("drafts-only"), "Cy Editor", ArticleStatus.DRAFT, null);
        deleteEveryCounter();

        CounterRebuild.Result result = rebuild.run();

        assertThat(counters("COUNTS#TAG")).containsExactly(Map.entry("sport", 1L), Map.entry("tech", 1L), Map.entry("world", 2L));
        assertThat(counters("COUNTS#AUTHOR")).containsExactly(Map.entry("ada reporter", 2L), Map.entry("bo writer", 1L));
        assertThat(result).isEqualTo(new CounterRebuild.Result(3, 5, 0, 0, 0));
    }

    @Test
    void aWrongCounter_isCorrected_aMissingOneMade_andOneNoArticleNames_removed() {
        create("One", List.of("world", "sport"), "Ada Reporter", ArticleStatus.PUBLISHED, null);
        create("Two", List.of("world"), "Bo Writer", ArticleStatus.PUBLISHED, null);
        setCounter("COUNTS#TAG", "world", 7);
        setCounter("COUNTS#TAG", "gone", 2);
        setCounter("COUNTS#AUTHOR", "nobody now", 1);
        dynamo.deleteItem(d -> d.tableName(table).key(key("COUNTS#TAG", "sport")));

        CounterRebuild.Result result = rebuild.run();

        assertThat(counters("COUNTS#TAG")).containsExactly(Map.entry("sport", 1L), Map.entry("world", 2L));
        assertThat(counters("COUNTS#AUTHOR")).containsExactly(Map.entry("ada reporter", 1L), Map.entry("bo writer", 1L));
        assertThat(result).isEqualTo(new CounterRebuild.Result(2, 2, 2, 2, 0));
        assertThat(rebuild.run()).as("a second run").isEqualTo(new CounterRebuild.Result(2, 0, 4, 0, 0));
    }

    @Test
    void anAuthorsName_staysAsFirstWritten_orIsTheEarliestArticlesSpelling() {
        create("Early", List.of(), "ada  REPORTER", ArticleStatus.PUBLISHED, null);
        clock.advance(Duration.ofHours(1));
        create("Late", List.of(), "Ada Reporter", ArticleStatus.PUBLISHED, null);
        create("Other", List.of(), "Bo Writer", ArticleStatus.PUBLISHED, null);
        dynamo.deleteItem(d -> d.tableName(table).key(key("COUNTS#AUTHOR", "ada reporter")));
        dynamo.updateItem(u -> u.tableName(table).key(key("COUNTS#AUTHOR", "bo writer"))
                .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Bo  Writer (first)"))));

        rebuild.run();

        assertThat(names()).containsExactly(Map.entry("ada reporter", "ada REPORTER"), Map.entry("bo writer", "Bo  Writer (first)"));
    }

    @Test
    void aWriteLandingOnACounterDuringTheRebuild_isNotOverwritten_andARerunConverges() {
        create("One", List.of("world"), "Ada Reporter", ArticleStatus.PUBLISHED, null);
        setCounter("COUNTS#TAG", "world", 5);
        // After the rebuild read the counters and the feed, before it writes: an editor adds a "world" article.
        beforeTheFirstRebuildWrite = () -> create("Two", List.of("world"), "Ada Reporter", ArticleStatus.PUBLISHED, null);

        CounterRebuild.Result raced = rebuild.run();

        assertThat(raced.conflicts()).isEqualTo(1);
        assertThat(counters("COUNTS#TAG")).as("the editor's +1 kept, on the wrong base").containsExactly(Map.entry("world", 6L));
        assertThat(rebuild.run()).isEqualTo(new CounterRebuild.Result(2, 1, 1, 0, 0));
        assertThat(counters("COUNTS#TAG")).containsExactly(Map.entry("world", 2L));
    }

    private Article create(String title, List<String> tags, String author, ArticleStatus status, Instant publishAt) {
        return editor.create(new ArticleDraft(title, "Summary.", List.of(Block.paragraph("Text of " + title + ".")), new Author(author, null),
                tags, Optional.of(status), Optional.ofNullable(publishAt)));
    }

    private void deleteEveryCounter() {
        for (String partition : List.of("COUNTS#TAG", "COUNTS#AUTHOR")) {
            counters(partition).keySet().forEach(name -> dynamo.deleteItem(d -> d.tableName(table).key(key(partition, name))));
        }
        assertThat(counters("COUNTS#TAG")).isEmpty();
    }

    private void setCounter(String partition, String name, long articles) {
        dynamo.updateItem(u -> u.tableName(table).key(key(partition, name))
                .updateExpression("SET articles = :a, #n = if_not_exists(#n, :name)").expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromN(Long.toString(articles)), ":name", AttributeValue.fromS(name))));
    }

    private static Map<String, AttributeValue> key(String partition, String name) {
        return Map.of("pk", AttributeValue.fromS(partition), "sk", AttributeValue.fromS(name));
    }

    private Map<String, Long> counters(String partition) {
        Map<String, Long> counters = new TreeMap<>();
        dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition))))
                .items().forEach(item -> counters.put(item.get("sk").s(), Long.parseLong(item.get("articles").n())));
        return counters;
    }

    private Map<String, String> names() {
        Map<String, String> names = new TreeMap<>();
        dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("COUNTS#AUTHOR"))))
                .items().forEach(item -> names.put(item.get("sk").s(), item.get("name").s()));
        return names;
    }
}

package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.error.StoreUnavailable;
import com.newsapi.error.VersionConflict;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Revision;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class ArticleStoreTest {

    private static final Backoff NO_WAIT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 12, duration -> { });

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, NO_WAIT);

    @Test
    void findById_returnsTheStoredArticle_fieldForField() {
        Article article = Articles.published("Stored whole", Instant.parse("2025-03-01T10:00:00Z"));
        store.putAll(List.of(article), Map.of(article.id(), "seed:story:x"));

        Optional<Article> found = store.findById(article.id());

        assertThat(found).contains(article);
    }

    @Test
    void findBySlug_followsTheSlugClaim_toTheArticle() {
        Article article = Articles.published("Found by slug", Instant.parse("2025-03-01T10:00:00Z"));
        store.putAll(List.of(article), Map.of(article.id(), "seed:story:x"));

        assertThat(store.findBySlug("found-by-slug")).contains(article);
        assertThat(store.findBySlug("no-such-slug")).isEmpty();
        assertThat(store.findById("0123456789abcdef")).isEmpty();
    }

    @Test
    void feed_listsPublishedArticlesNewestFirst_andPagesVisitEachExactlyOnce() {
        List<Article> articles = IntStream.range(0, 23)
                .mapToObj(i -> Articles.published("Story " + i, Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofHours(i))))
                .toList();
        store.putAll(articles, hashes(articles));

        List<String> seen = new ArrayList<>();
        Optional<FeedKey> after = Optional.empty();
        int pages = 0;
        do {
            Page<Article> page = store.find(ArticleQuery.ALL, after, 5, NOW);
            page.items().forEach(article -> seen.add(article.title()));
            after = page.next();
            pages++;
        } while (after.isPresent());

        assertThat(pages).isEqualTo(5);
        assertThat(seen).containsExactlyElementsOf(IntStream.iterate(22, i -> i >= 0, i -> i - 1).mapToObj(i -> "Story " + i).toList());
    }

    @Test
    void feed_neverShowsDrafts() {
        Article draft = Articles.article("Unfinished", null, ArticleStatus.DRAFT);
        Article published = Articles.published("Finished", Instant.parse("2025-03-01T10:00:00Z"));
        store.putAll(List.of(draft, published), hashes(List.of(draft, published)));

        Page<Article> page = store.find(ArticleQuery.ALL, Optional.empty(), 10, NOW);

        assertThat(page.items()).extracting(Article::title).containsExactly("Finished");
        assertThat(page.next()).isEmpty();
    }

    @Test
    void feed_putsUndatedArticlesAfterEveryDatedOne_whenEverTheyWereCreated() {
        Article older = Articles.published("Older", Instant.parse("2024-01-01T00:00:00Z"));
        Article undated = Articles.published("Undated", null);
        Article newer = Articles.published("Newer", Instant.parse("2026-06-01T00:00:00Z"));
        store.putAll(List.of(older, undated, newer), hashes(List.of(older, undated, newer)));

        Page<Article> page = store.find(ArticleQuery.ALL, Optional.empty(), 10, NOW);

        // The undated article was created in 2026 (Articles' default), between the two dates: no matter.
        assertThat(page.items()).extracting(Article::title).containsExactly("Newer", "Older", "Undated");
    }

    @Test
    void find_hidesArticlesWhoseFeedInstantIsStillAhead() {
        Article now = Articles.published("Now", NOW);
        Article later = Articles.published("Later", NOW.plusMillis(1));
        store.putAll(List.of(now, later), hashes(List.of(now, later)));

        assertThat(store.find(ArticleQuery.ALL, Optional.empty(), 10, NOW).items()).extracting(Article::title).containsExactly("Now");
        assertThat(store.find(ArticleQuery.ALL, Optional.empty(), 10, NOW.plusMillis(1)).items()).extracting(Article::title)
                .containsExactly("Later", "Now");
    }

    @Test
    void putAll_retriesUnprocessedItems_untilEveryItemIsWritten() {
        DropHalfOfEachBatch dropping = new DropHalfOfEachBatch(3);
        ArticleStore flaky = new ArticleStore(TestDatabase.client(dropping), table, NO_WAIT);
        List<Article> articles = IntStream.range(0, 30)
                .mapToObj(i -> Articles.published("Batch " + i, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)))
                .toList();

        flaky.putAll(articles, hashes(articles));

        assertThat(dropping.dropped.get()).isPositive();
        assertThat(articles).allSatisfy(article -> assertThat(store.findById(article.id())).contains(article));
        assertThat(store.storedVersions(articles.stream().map(Article::id).toList())).hasSize(30);
    }

    @Test
    void putAll_givesUp_whenItemsStayUnprocessed() {
        ArticleStore hopeless = new ArticleStore(TestDatabase.client(new DropHalfOfEachBatch(Integer.MAX_VALUE)), table,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 3, duration -> { }));
        Article article = Articles.published("Never written", Instant.parse("2025-01-01T00:00:00Z"));

        assertThatThrownBy(() -> hopeless.putAll(List.of(article), hashes(List.of(article))))
                .isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void slugOwners_namesTheArticleHoldingEachTakenSlug() {
        Article article = Articles.published("Taken slug", Instant.parse("2025-01-01T00:00:00Z"));
        store.putAll(List.of(article), hashes(List.of(article)));

        assertThat(store.slugOwners(List.of("taken-slug", "free-slug"))).containsExactly(Map.entry("taken-slug", article.id()));
    }

    @Test
    void aLateCleanUp_neverDeletesThePostingALaterEditWroteAgain() {
        Article v1 = withText(Articles.published("Harbour news", Instant.parse("2025-03-01T10:00:00Z")), "Fog at dawn.", 1);
        create(v1);
        Article v2 = withText(v1, "Fog at dusk.", 2);
        Article v3 = withText(v1, "Fog again at dawn.", 3);

        commitReplace(v1, v2);                      // edit A commits: "dawn" is gone
        replace(v2, v3);                            // edit B, whole: "dawn" is back, its posting written again
        store.removeStalePostings(v1, Optional.of(v2));   // A's clean-up, late: "dawn" was stale for A

        assertThat(store.find(search("dawn"), Optional.empty(), 10, NOW).items()).extracting(Article::version).containsExactly(3L);
        assertThat(posting("dawn", v3)).extractingByKey("version").isEqualTo(AttributeValue.fromN("3"));
        assertThat(posting("dusk", v2)).as("B's own clean-up removed what only A had").isEmpty();
    }

    @Test
    void anEditThatLosesItsVersionCheck_neverLowersThePostingALaterEditWrote() {
        Article v1 = withText(Articles.published("Lighthouse news", Instant.parse("2025-03-01T10:00:00Z")), "Fog at dawn.", 1);
        create(v1);
        Article v2 = withText(v1, "Fog again at dawn.", 2);
        Article v3 = withText(v1, "Fog at dusk.", 3);
        Article v4 = withText(v1, "Fog once more at dawn.", 4);
        Article late = withText(v1, "Rain at dawn.", 2);  // another editor's change, also based on version 1

        replace(v1, v2);
        commitReplace(v2, v3);                      // "dawn" goes; this edit's clean-up is delayed
        replace(v3, v4);                            // "dawn" is back, at version 4
        assertThatThrownBy(() -> commitReplace(v1, late)).isInstanceOf(VersionConflict.class); // its postings went first
        store.removeStalePostings(v2, Optional.of(v3));   // the delayed clean-up: "dawn" was stale for it

        assertThat(store.find(search("dawn"), Optional.empty(), 10, NOW).items()).extracting(Article::version).containsExactly(4L);
        assertThat(posting("dawn", v4)).extractingByKey("version").isEqualTo(AttributeValue.fromN("4"));
    }

    @Test
    void aCleanUp_deletesPostingsWrittenBeforePostingsCarriedAVersion() {
        Article v1 = withText(Articles.published("Old postings", Instant.parse("2025-03-01T10:00:00Z")), "Quiet lagoon.", 1);
        create(v1);
        dynamo.updateItem(update -> update.tableName(table).key(TableKeys.postingKey(posting("lagoon", v1)))
                .updateExpression("REMOVE version"));
        Article v2 = withText(v1, "Quiet harbour.", 2);

        replace(v1, v2);

        assertThat(posting("lagoon", v1)).isEmpty();
        assertThat(posting("harbour", v2)).isNotEmpty();
    }

    private Map<String, AttributeValue> posting(String term, Article article) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("TERM#" + term), "sk", AttributeValue.fromS(FeedKey.of(article).render())))).item();
        return item == null ? Map.of() : item;
    }

    private static Article withText(Article a, String text, long version) {
        return Articles.from(a).summary("A short summary.").paragraph(text).excerpt(false).version(version)
                .updatedAt(a.updatedAt().plusSeconds(version)).wordCount(3).build();
    }

    private static ArticleQuery search(String words) {
        return ArticleQuery.searching(com.newsapi.search.SearchQuery.parse(words));
    }

    private static Map<String, String> hashes(List<Article> articles) {
        return articles.stream().collect(java.util.stream.Collectors.toMap(Article::id, article -> "seed:story:" + article.id()));
    }

    /**
     * Makes the local engine behave like a throttled table: the first {@code times} batches only get
     * their first half written, and the rest comes back as UnprocessedItems, as DynamoDB does (the
     * engine itself never returns UnprocessedItems, so the retry path is only reached this way).
     */
    static final class DropHalfOfEachBatch implements ExecutionInterceptor {
        private final int times;
        private final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        private final ThreadLocal<Map<String, List<WriteRequest>>> held = new ThreadLocal<>();

        DropHalfOfEachBatch(int times) {
            this.times = times;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request) || batches.getAndIncrement() >= times) {
                held.remove();
                return context.request();
            }
            var entry = request.requestItems().entrySet().iterator().next();
            List<WriteRequest> writes = entry.getValue();
            int keep = writes.size() / 2;
            held.set(Map.of(entry.getKey(), writes.subList(keep, writes.size())));
            dropped.addAndGet(writes.size() - keep);
            if (keep == 0) {
                keep = writes.size();
                held.set(Map.of(entry.getKey(), writes));
            }
            return request.toBuilder().requestItems(Map.of(entry.getKey(), writes.subList(0, keep))).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            Map<String, List<WriteRequest>> unprocessed = held.get();
            if (unprocessed == null || !(context.response() instanceof BatchWriteItemResponse response)) {
                return context.response();
            }
            held.remove();
            return response.toBuilder().unprocessedItems(unprocessed).build();
        }
    }

    /** An editor's create, its revision saved by no one in particular: these tests look at postings. */
    private void create(Article article) {
        store.create(Revision.of(null, article, Optional.empty(), OptionalLong.empty()), Optional.empty());
    }

    private void replace(Article previous, Article updated) {
        store.replace(new StoredArticle(previous, true), Revision.of(previous, updated, Optional.empty(), OptionalLong.empty()));
    }

    private void commitReplace(Article previous, Article updated) {
        store.commitReplace(new StoredArticle(previous, true), Revision.of(previous, updated, Optional.empty(), OptionalLong.empty()));
    }
}

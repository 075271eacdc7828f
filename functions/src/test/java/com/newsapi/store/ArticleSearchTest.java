package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleIds;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import com.newsapi.search.SearchQuery;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Search against the local engine: what it finds, and what a page reads to find it. */
class ArticleSearchTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");

    private final ArticleReads reads = new ArticleReads();
    private final DynamoDbClient dynamo = TestDatabase.client(reads);
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());

    @Test
    void search_findsAWordThatOnlyTheSummaryHas() {
        List<Article> stories = List.of(story(0, "A lagoon at dusk.", "Harbour report."));
        seeds.putAll(stories, hashes(stories));

        assertThat(titles(store.find(search("lagoon"), Optional.empty(), 10, NOW))).containsExactly("Story 0");
    }

    @Test
    void aPageAtLimitOne_readsOneArticle_eventuallyConsistent() {
        List<Article> stories = IntStream.range(0, 30).mapToObj(i -> story(i, "Summary.", "Harbour report " + i + ".")).toList();
        seeds.putAll(stories, hashes(stories));
        reads.reset();

        Page<Article> page = store.find(search("harbour"), Optional.empty(), 1, NOW);

        assertThat(titles(page)).containsExactly("Story 29");
        assertThat(page.next()).isPresent();
        assertThat(reads.keysPerBatch()).containsExactly(1);
        assertThat(reads.consistent).containsOnly(false);
    }

    @Test
    void aPageWhoseCandidatesFail_readsInGrowingBatches_andStopsAtTheBound_withACursor() {
        List<Article> stories = new ArrayList<>();
        stories.add(story(0, "Summary.", "The harbour lights came on."));
        IntStream.range(1, 250).forEach(i -> stories.add(story(i, "Summary.", "Harbour report " + i + ".")));
        seeds.putAll(stories, hashes(stories));
        reads.reset();

        Page<Article> first = store.find(search("\"harbour lights\""), Optional.empty(), 5, NOW);

        assertThat(first.items()).isEmpty();
        assertThat(first.next()).isPresent();
        assertThat(reads.keysPerBatch()).containsExactly(5, 10, 20, 40, 80, 45);
        assertThat(reads.keysPerBatch().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ArticleQueries.MAX_SEARCH_CANDIDATES);

        Page<Article> second = store.find(search("\"harbour lights\""), first.next(), 5, NOW);

        assertThat(titles(second)).containsExactly("Story 0");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void aPageOfMatches_readsNoMoreArticlesThanItReturns() {
        List<Article> stories = IntStream.range(0, 60).mapToObj(i -> story(i, "Summary.", "Harbour report " + i + ".")).toList();
        seeds.putAll(stories, hashes(stories));
        reads.reset();

        List<String> seen = new ArrayList<>();
        Optional<FeedKey> after = Optional.empty();
        do {
            Page<Article> page = store.find(search("harbour report"), after, 20, NOW);
            seen.addAll(titles(page));
            after = page.next();
        } while (after.isPresent());

        assertThat(seen).hasSize(60).doesNotHaveDuplicates();
        assertThat(reads.keysPerBatch()).containsExactly(20, 20, 20);
    }

    private static Map<String, String> hashes(List<Article> articles) {
        return articles.stream().collect(Collectors.toMap(Article::id, article -> "seed:story:" + article.id()));
    }

    private static ArticleQuery search(String q) {
        return ArticleQuery.searching(SearchQuery.parse(q));
    }

    private static List<String> titles(Page<Article> page) {
        return page.items().stream().map(Article::title).toList();
    }

    private static Article story(int number, String summary, String text) {
        Instant at = FIRST.plusSeconds(3600L * number);
        return Articles.titled("Story " + number).id(ArticleIds.deterministicId("search", Integer.toString(number)))
                .slug("story-" + number).summary(summary).paragraph(text).author("Ada Reporter").source(null).publishedAt(at)
                .tags(List.of()).status(ArticleStatus.PUBLISHED).createdAt(at).updatedAt(at).wordCount(3).build();
    }

    /** Records each BatchGetItem's keys and read consistency, as the page asked for them. */
    static final class ArticleReads implements ExecutionInterceptor {
        final List<KeysAndAttributes> batches = new CopyOnWriteArrayList<>();
        final List<Boolean> consistent = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof BatchGetItemRequest request) {
                request.requestItems().values().forEach(keys -> {
                    batches.add(keys);
                    consistent.add(Boolean.TRUE.equals(keys.consistentRead()));
                });
            }
        }

        void reset() {
            batches.clear();
            consistent.clear();
        }

        List<Integer> keysPerBatch() {
            return batches.stream().map(keys -> keys.keys().size()).collect(Collectors.toList());
        }
    }
}

package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ArticleStoreTest {

    private static final Backoff NO_WAIT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 12, duration -> { });

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, NO_WAIT);
    private final SeedWrites seeds = new SeedWrites(dynamo, table, NO_WAIT);

    @Test
    void findById_returnsTheStoredArticle_fieldForField() {
        Article article = Articles.published("Stored whole", Instant.parse("2025-03-01T10:00:00Z"));
        seeds.putAll(List.of(article), Map.of(article.id(), "seed:story:x"));

        Optional<Article> found = store.findById(article.id());

        assertThat(found).contains(article);
    }

    @Test
    void findBySlug_followsTheSlugClaim_toTheArticle() {
        Article article = Articles.published("Found by slug", Instant.parse("2025-03-01T10:00:00Z"));
        seeds.putAll(List.of(article), Map.of(article.id(), "seed:story:x"));

        assertThat(store.findBySlug("found-by-slug")).contains(article);
        assertThat(store.findBySlug("no-such-slug")).isEmpty();
        assertThat(store.findById("0123456789abcdef")).isEmpty();
    }

    @Test
    void feed_listsPublishedArticlesNewestFirst_andPagesVisitEachExactlyOnce() {
        List<Article> articles = IntStream.range(0, 23)
                .mapToObj(i -> Articles.published("Story " + i, Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofHours(i))))
                .toList();
        seeds.putAll(articles, hashes(articles));

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
        seeds.putAll(List.of(draft, published), hashes(List.of(draft, published)));

        Page<Article> page = store.find(ArticleQuery.ALL, Optional.empty(), 10, NOW);

        assertThat(page.items()).extracting(Article::title).containsExactly("Finished");
        assertThat(page.next()).isEmpty();
    }

    @Test
    void feed_putsUndatedArticlesAfterEveryDatedOne_whenEverTheyWereCreated() {
        Article older = Articles.published("Older", Instant.parse("2024-01-01T00:00:00Z"));
        Article undated = Articles.published("Undated", null);
        Article newer = Articles.published("Newer", Instant.parse("2026-06-01T00:00:00Z"));
        seeds.putAll(List.of(older, undated, newer), hashes(List.of(older, undated, newer)));

        Page<Article> page = store.find(ArticleQuery.ALL, Optional.empty(), 10, NOW);

        // The undated article was created in 2026 (Articles' default), between the two dates: no matter.
        assertThat(page.items()).extracting(Article::title).containsExactly("Newer", "Older", "Undated");
    }

    @Test
    void find_hidesArticlesWhoseFeedInstantIsStillAhead() {
        Article now = Articles.published("Now", NOW);
        Article later = Articles.published("Later", NOW.plusMillis(1));
        seeds.putAll(List.of(now, later), hashes(List.of(now, later)));

        assertThat(store.find(ArticleQuery.ALL, Optional.empty(), 10, NOW).items()).extracting(Article::title).containsExactly("Now");
        assertThat(store.find(ArticleQuery.ALL, Optional.empty(), 10, NOW.plusMillis(1)).items()).extracting(Article::title)
                .containsExactly("Later", "Now");
    }

    @Test
    void slugOwners_namesTheArticleHoldingEachTakenSlug() {
        Article article = Articles.published("Taken slug", Instant.parse("2025-01-01T00:00:00Z"));
        seeds.putAll(List.of(article), hashes(List.of(article)));

        assertThat(store.slugOwners(List.of("taken-slug", "free-slug"))).containsExactly(Map.entry("taken-slug", article.id()));
    }

    private static Map<String, String> hashes(List<Article> articles) {
        return articles.stream().collect(java.util.stream.Collectors.toMap(Article::id, article -> "seed:story:" + article.id()));
    }
}

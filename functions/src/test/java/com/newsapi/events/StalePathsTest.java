package com.newsapi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.store.StreamImages;
import com.newsapi.testing.Articles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a change makes stale at the CDN, from the articles before and after a stream record. */
class StalePathsTest {

    private static final String ID = "3f2a9c0d4b1e7a65";

    @Test
    void publishing_invalidatesTheArticle_everyFeedPage_andTheCounts() {
        Optional<Article> draft = article("rivers-rise", "draft", List.of("Weather", "Floods"), "Ana  Ortiz");
        Optional<Article> published = with(draft, "status", "published");

        assertThat(StalePaths.of(draft, published)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void creatingAPublishedArticle_isLikePublishing() {
        Optional<Article> created = article("rivers-rise", "published", List.of("weather"), "Kim Lee");

        assertThat(StalePaths.of(Optional.empty(), created)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void anUpdateOfTheText_leavesTheCountsAlone() {
        Optional<Article> before = article("rivers-rise", "published", List.of("weather"), "Kim Lee");
        Optional<Article> after = with(before, "title", "Rivers rise further");

        assertThat(StalePaths.of(before, after)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*");
    }

    @Test
    void aTagChange_invalidatesTheTagCounts_andAnAuthorChangeTheAuthorCounts() {
        Optional<Article> before = article("rivers-rise", "published", List.of("weather"), "Kim Lee");

        assertThat(StalePaths.of(before, with(before, "tags", List.of("climate change")))).contains("/tags").doesNotContain("/authors");
        assertThat(StalePaths.of(before, with(before, "authorName", "Ana Ortiz"))).contains("/authors").doesNotContain("/tags");
    }

    @Test
    void aSlugChange_invalidatesTheOldAndTheNewSlug() {
        Optional<Article> before = article("rivers-rise", "published", List.of("weather"), "Kim Lee");
        Optional<Article> after = with(before, "slug", "rivers-rise-again");

        assertThat(StalePaths.of(before, after)).contains("/articles/rivers-rise*", "/articles/rivers-rise-again*", "/articles/" + ID + "*");
    }

    @Test
    void unpublishing_invalidatesWhatReadersCouldSee() {
        Optional<Article> published = article("rivers-rise", "published", List.of("weather"), "Kim Lee");
        Optional<Article> unpublished = with(published, "status", "draft");

        assertThat(StalePaths.of(published, unpublished)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void deletingAPublishedArticle_invalidatesWhatReadersCouldSee() {
        Optional<Article> published = article("rivers-rise", "published", List.of("weather"), "Kim Lee");

        assertThat(StalePaths.of(published, Optional.empty())).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void aDraftNoReaderSaw_andIndexItems_invalidateNothing() {
        Optional<Article> draft = article("rivers-rise", "draft", List.of("weather"), "Kim Lee");
        Optional<Article> slugClaim = StreamImages.article(
                Map.of("pk", s("SLUG#rivers-rise"), "sk", s("SLUG"), "articleId", s(ID)));

        assertThat(StalePaths.of(draft, with(draft, "title", "Edited"))).isEmpty();
        assertThat(StalePaths.of(draft, Optional.empty())).isEmpty();
        assertThat(StalePaths.of(Optional.empty(), slugClaim)).isEmpty();
    }

    @Test
    void aBatch_isTheUnionOfItsChanges_whileItStaysWithinCloudFrontsLimits() {
        Set<String> first = StalePaths.of(Optional.empty(), article("rivers-rise", "published", List.of("weather"), "Kim Lee"));
        Set<String> second = StalePaths.of(Optional.empty(), article("ID2", "storm-ends", "published", List.of("weather"), "Kim Lee"));

        List<String> paths = StalePaths.forBatch(List.of(first, second));

        assertThat(paths).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles/ID2*", "/articles/storm-ends*",
                "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void aBatchWithMoreWildcardsThanALimitedShare_becomesOneWildcardForEveryArticle() {
        List<Set<String>> changes = IntStream.range(0, 3)
                .mapToObj(n -> StalePaths.of(Optional.empty(), article("id" + n, "slug-" + n, "published", List.of("t" + n), "Kim Lee")))
                .toList();

        List<String> paths = StalePaths.forBatch(changes);

        assertThat(paths).containsExactly("/articles*", "/authors", "/tags");
    }

    @Test
    void aBatchOfNothingVisible_invalidatesNothing() {
        assertThat(StalePaths.forBatch(List.of(Set.of(), Set.of()))).isEmpty();
    }

    private static Optional<Article> article(String slug, String status, List<String> tags, String author) {
        return article(ID, slug, status, tags, author);
    }

    private static Optional<Article> article(String id, String slug, String status, List<String> tags, String author) {
        return Optional.of(article(id, slug, "Rivers rise", ArticleStatus.fromWireName(status), tags, author));
    }

    private static Article article(String id, String slug, String title, ArticleStatus status, List<String> tags, String author) {
        return Articles.titled(title).id(id).slug(slug).summary(null).body(List.of()).author(author).source(null).tags(tags)
                .status(status).createdAt(Instant.EPOCH).updatedAt(Instant.EPOCH).wordCount(0).build();
    }

    private static Optional<Article> with(Optional<Article> article, String name, Object value) {
        Article a = article.orElseThrow();
        return Optional.of(switch (name) {
            case "status" -> a.withStatus(ArticleStatus.fromWireName((String) value));
            case "slug" -> a.withSlug((String) value);
            case "title" -> article(a.id(), a.slug(), (String) value, a.status(), a.tags(), a.author().name());
            case "tags" -> article(a.id(), a.slug(), a.title(), a.status(),
                    ((List<?>) value).stream().map(String.class::cast).toList(), a.author().name());
            case "authorName" -> article(a.id(), a.slug(), a.title(), a.status(), a.tags(), (String) value);
            default -> throw new IllegalArgumentException(name);
        });
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }
}

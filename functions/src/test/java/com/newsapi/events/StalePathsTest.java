package com.newsapi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a change makes stale at the CDN, from the stream record's item images. */
class StalePathsTest {

    private static final String ID = "3f2a9c0d4b1e7a65";

    @Test
    void publishing_invalidatesTheArticle_everyFeedPage_andTheCounts() {
        Map<String, AttributeValue> draft = article("rivers-rise", "draft", List.of("Weather", "Floods"), "Ana  Ortiz");
        Map<String, AttributeValue> published = with(draft, "status", "published");

        assertThat(StalePaths.of(draft, published)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void creatingAPublishedArticle_isLikePublishing() {
        Map<String, AttributeValue> created = article("rivers-rise", "published", List.of("weather"), "Kim Lee");

        assertThat(StalePaths.of(null, created)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void anUpdateOfTheText_leavesTheCountsAlone() {
        Map<String, AttributeValue> before = article("rivers-rise", "published", List.of("weather"), "Kim Lee");
        Map<String, AttributeValue> after = with(before, "title", "Rivers rise further");

        assertThat(StalePaths.of(before, after)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*");
    }

    @Test
    void aTagChange_invalidatesTheTagCounts_andAnAuthorChangeTheAuthorCounts() {
        Map<String, AttributeValue> before = article("rivers-rise", "published", List.of("weather"), "Kim Lee");

        assertThat(StalePaths.of(before, with(before, "tags", List.of("climate change")))).contains("/tags").doesNotContain("/authors");
        assertThat(StalePaths.of(before, with(before, "authorName", "Ana Ortiz"))).contains("/authors").doesNotContain("/tags");
    }

    @Test
    void aSlugChange_invalidatesTheOldAndTheNewSlug() {
        Map<String, AttributeValue> before = article("rivers-rise", "published", List.of("weather"), "Kim Lee");
        Map<String, AttributeValue> after = with(before, "slug", "rivers-rise-again");

        assertThat(StalePaths.of(before, after)).contains("/articles/rivers-rise*", "/articles/rivers-rise-again*", "/articles/" + ID + "*");
    }

    @Test
    void unpublishing_invalidatesWhatReadersCouldSee() {
        Map<String, AttributeValue> published = article("rivers-rise", "published", List.of("weather"), "Kim Lee");
        Map<String, AttributeValue> unpublished = with(published, "status", "draft");

        assertThat(StalePaths.of(published, unpublished)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void deletingAPublishedArticle_invalidatesWhatReadersCouldSee() {
        Map<String, AttributeValue> published = article("rivers-rise", "published", List.of("weather"), "Kim Lee");

        assertThat(StalePaths.of(published, null)).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void aDraftNoReaderSaw_andIndexItems_invalidateNothing() {
        Map<String, AttributeValue> draft = article("rivers-rise", "draft", List.of("weather"), "Kim Lee");
        Map<String, AttributeValue> slugClaim = Map.of("pk", s("SLUG#rivers-rise"), "sk", s("SLUG"), "articleId", s(ID));

        assertThat(StalePaths.of(draft, with(draft, "title", "Edited"))).isEmpty();
        assertThat(StalePaths.of(draft, null)).isEmpty();
        assertThat(StalePaths.of(null, slugClaim)).isEmpty();
    }

    @Test
    void aBatch_isTheUnionOfItsChanges_whileItStaysWithinCloudFrontsLimits() {
        Set<String> first = StalePaths.of(null, article("rivers-rise", "published", List.of("weather"), "Kim Lee"));
        Set<String> second = StalePaths.of(null, article("ID2", "storm-ends", "published", List.of("weather"), "Kim Lee"));

        List<String> paths = StalePaths.forBatch(List.of(first, second));

        assertThat(paths).containsExactlyInAnyOrder(
                "/articles/" + ID + "*", "/articles/rivers-rise*", "/articles/ID2*", "/articles/storm-ends*",
                "/articles", "/articles?*", "/tags", "/authors");
    }

    @Test
    void aBatchWithMoreWildcardsThanALimitedShare_becomesOneWildcardForEveryArticle() {
        List<Set<String>> changes = IntStream.range(0, 3)
                .mapToObj(n -> StalePaths.of(null, article("id" + n, "slug-" + n, "published", List.of("t" + n), "Kim Lee")))
                .toList();

        List<String> paths = StalePaths.forBatch(changes);

        assertThat(paths).containsExactly("/articles*", "/authors", "/tags");
    }

    @Test
    void aBatchOfNothingVisible_invalidatesNothing() {
        assertThat(StalePaths.forBatch(List.of(Set.of(), Set.of()))).isEmpty();
    }

    private static Map<String, AttributeValue> article(String slug, String status, List<String> tags, String author) {
        return article(ID, slug, status, tags, author);
    }

    private static Map<String, AttributeValue> article(String id, String slug, String status, List<String> tags, String author) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("pk", s("ARTICLE#" + id));
        image.put("sk", s("ARTICLE"));
        image.put("id", s(id));
        image.put("slug", s(slug));
        image.put("title", s("Rivers rise"));
        image.put("status", s(status));
        image.put("tags", new AttributeValue().withL(tags.stream().map(StalePathsTest::s).toList()));
        image.put("authorName", s(author));
        return image;
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> image, String name, Object value) {
        Map<String, AttributeValue> changed = new HashMap<>(image);
        changed.put(name, value instanceof List<?> list
                ? new AttributeValue().withL(list.stream().map(item -> s((String) item)).toList())
                : s((String) value));
        return changed;
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }
}

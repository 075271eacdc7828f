package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Source;
import com.newsapi.service.ArticleService;
import com.newsapi.model.ArticleIds;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.store.SeedWrites;
import com.newsapi.testing.Articles;
import com.newsapi.testing.EventFiles;
import com.newsapi.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** GET /articles filters, search, fields and the /tags and /authors counts, against the local engine. */
class ListFiltersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());
    private final ArticleService service = new ArticleService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ListArticlesHandler list = new ListArticlesHandler(service, HandlerFactory.cursors());
    private final ListTagsHandler tags = new ListTagsHandler(service, HandlerFactory.countCursors());
    private final ListAuthorsHandler authors = new ListAuthorsHandler(service, HandlerFactory.countCursors());

    ListFiltersTest() {
        List<Article> articles = List.of(
                article("Zürich café opens", "2025-01-10T09:00:00Z", "Ana Ortiz", List.of("Food", "Europe"), "A café in Zürich serves crème brûlée.", ArticleStatus.PUBLISHED),
                article("Election night in Seoul", "2025-01-20T09:00:00Z", "Kim Lee", List.of("politics", "asia"), "Voters in Seoul queued for hours.", ArticleStatus.PUBLISHED),
                article("Markets rally", "2025-02-01T09:00:00Z", "Ana  Ortiz", List.of("business"), "Stocks rose in Europe and Asia.", ArticleStatus.PUBLISHED),
                article("Secret draft about Seoul", null, "Kim Lee", List.of("politics", "secret"), "Not for readers: Seoul.", ArticleStatus.DRAFT),
                article("Scheduled for next year", "2027-01-01T00:00:00Z", "Kim Lee", List.of("politics"), "Seoul, later.", ArticleStatus.PUBLISHED));
        Map<String, String> hashes = articles.stream().collect(Collectors.toMap(Article::id, a -> "seed:story:" + a.id()));
        seeds.putAll(articles, hashes);
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(Map.of("tag", "politics"), List.of("Election night in Seoul")),
                Arguments.of(Map.of("tag", "FOOD"), List.of("Zürich café opens")),
                Arguments.of(Map.of("tag", "secret"), List.of()),
                Arguments.of(Map.of("author", "ana ortiz"), List.of("Markets rally", "Zürich café opens")),
                Arguments.of(Map.of("author", "Kim Lee"), List.of("Election night in Seoul")),
                Arguments.of(Map.of("from", "2025-01-15"), List.of("Markets rally", "Election night in Seoul")),
                Arguments.of(Map.of("to", "2025-01-20"), List.of("Election night in Seoul", "Zürich café opens")),
                Arguments.of(Map.of("from", "2025-01-11", "to", "2025-01-31"), List.of("Election night in Seoul")),
                Arguments.of(Map.of("q", "zurich CAFE"), List.of("Zürich café opens")),
                Arguments.of(Map.of("q", "creme brulee"), List.of("Zürich café opens")),
                Arguments.of(Map.of("q", "seoul"), List.of("Election night in Seoul")),
                Arguments.of(Map.of("q", "seoul voters hours"), List.of("Election night in Seoul")),
                Arguments.of(Map.of("q", "seoul zurich"), List.of()),
                Arguments.of(Map.of("q", "seoul -voters"), List.of()),
                Arguments.of(Map.of("q", "cafe -seoul"), List.of("Zürich café opens")),
                Arguments.of(Map.of("q", "\"creme brulee\""), List.of("Zürich café opens")),
                Arguments.of(Map.of("q", "\"brulee creme\""), List.of()),
                Arguments.of(Map.of("q", "europe", "author", "Ana Ortiz"), List.of("Markets rally")),
                Arguments.of(Map.of("q", "europe", "tag", "business"), List.of("Markets rally")),
                Arguments.of(Map.of("tag", "politics", "author", "ana ortiz"), List.of()),
                Arguments.of(Map.of("from", "3884-05-08"), List.of()),
                Arguments.of(Map.of("from", "2026-11-23T00:00:00.001Z", "tag", "politics"), List.of()),
                Arguments.of(Map.of("to", "1999-12-31", "q", "seoul"), List.of()));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void list_returnsExactlyThePublishedArticlesMatchingEveryFilter_newestFirst(Map<String, String> filter, List<String> expected) {
        for (String limit : List.of("1", "2", "100")) {
            Map<String, String> query = new HashMap<>(filter);
            query.put("limit", limit);

            List<String> titles = pageThrough(query);

            assertThat(titles).as("limit %s", limit).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void list_fieldsParameter_choosesTheFieldsOfEachItem() {
        JsonNode page = json(list.handleRequest(event("/articles", Map.of("fields", "id,title,body")), null));

        JsonNode first = page.get("items").get(0);
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("id", "title", "body");
        assertThat(first.get("body").get(0).get("text").asText()).isNotBlank();
    }

    @Test
    void list_defaultItems_areSummariesWithoutBodyOrBio() {
        JsonNode first = json(list.handleRequest(event("/articles", Map.of()), null)).get("items").get(0);

        assertThat(fieldNames(first)).contains("id", "slug", "title", "summary", "publishedAt", "tags", "author")
                .doesNotContain("body", "source", "status");
        assertThat(fieldNames(first.get("author"))).containsExactly("name");
    }

    @Test
    void list_rejectsACursorFromAnotherFilter() {
        JsonNode page = json(list.handleRequest(event("/articles", Map.of("limit", "1")), null));
        String cursor = page.get("nextCursor").asText();

        APIGatewayV2HTTPResponse response = list.handleRequest(event("/articles", Map.of("limit", "1", "tag", "politics", "cursor", cursor)), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("parameter").asText()).isEqualTo("cursor");
    }

    static Stream<Arguments> badFilters() {
        return Stream.of(
                Arguments.of("from", Map.of("from", "yesterday")),
                Arguments.of("to", Map.of("to", "2025-13-01")),
                Arguments.of("from", Map.of("from", "2025-02-01", "to", "2025-01-01")),
                Arguments.of("q", Map.of("q", "the and of")),
                Arguments.of("q", Map.of("q", "a b c d e f g h i j k l")),
                Arguments.of("q", Map.of("q", "seoul OR zurich")),
                Arguments.of("q", Map.of("q", "seou*")),
                Arguments.of("q", Map.of("q", "title:seoul")),
                Arguments.of("q", Map.of("q", "(seoul)")),
                Arguments.of("q", Map.of("q", "\"election night")),
                Arguments.of("q", Map.of("q", "-seoul")),
                Arguments.of("tag", Map.of("tag", "x".repeat(51))),
                Arguments.of("tag", Map.of("tag", "  ")),
                Arguments.of("author", Map.of("author", "bad\u0000name")),
                Arguments.of("fields", Map.of("fields", "id,password")),
                Arguments.of("sort", Map.of("sort", "oldest")));
    }

    @ParameterizedTest
    @MethodSource("badFilters")
    void list_rejectsABadFilter_naming_it(String parameter, Map<String, String> query) {
        APIGatewayV2HTTPResponse response = list.handleRequest(event("/articles", query), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(json(response).get("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void tags_countOnlyPublishedVisibleArticles_inTagOrder() {
        JsonNode body = json(tags.handleRequest(event("/tags", Map.of()), null));

        assertThat(counts(body)).containsExactly(
                Map.entry("asia", 1L), Map.entry("business", 1L), Map.entry("europe", 1L),
                Map.entry("food", 1L), Map.entry("politics", 1L));
    }

    @Test
    void authors_countOnlyPublishedVisibleArticles_inNameOrder() {
        JsonNode body = json(authors.handleRequest(event("/authors", Map.of()), null));

        assertThat(counts(body)).containsExactly(Map.entry("Ana Ortiz", 2L), Map.entry("Kim Lee", 1L));
    }

    @Test
    void counts_answer304_toTheirOwnETag() {
        String etag = tags.handleRequest(event("/tags", Map.of()), null).getHeaders().get("ETag");

        APIGatewayV2HTTPEvent again = event("/tags", Map.of());
        again.setHeaders(Map.of("if-none-match", etag));

        assertThat(tags.handleRequest(again, null).getStatusCode()).isEqualTo(304);
    }

    private List<String> pageThrough(Map<String, String> query) {
        List<String> titles = new ArrayList<>();
        Map<String, String> next = new HashMap<>(query);
        for (int pages = 0; pages < 20; pages++) {
            APIGatewayV2HTTPResponse response = list.handleRequest(event("/articles", next), null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode page = json(response);
            page.get("items").forEach(item -> titles.add(item.get("title").asText()));
            if (page.get("nextCursor").isNull()) {
                return titles;
            }
            next.put("cursor", page.get("nextCursor").asText());
        }
        throw new AssertionError("paging did not end");
    }

    private static Map<String, Long> counts(JsonNode body) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        body.get("items").forEach(item -> counts.put(item.get("name").asText(), item.get("articles").asLong()));
        return counts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Article article(String title, String publishedAt, String author, List<String> tags, String text, ArticleStatus status) {
        Instant published = publishedAt == null ? null : Instant.parse(publishedAt);
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        return Articles.titled(title).id(ArticleIds.deterministicId("filters", title)).summary(text).paragraph(text)
                .author(author).source(new Source(null, null)).publishedAt(published).tags(tags).status(status)
                .createdAt(created).updatedAt(created).wordCount(5).build();
    }

    /** The real event of events/ for GET {@code path} (/articles, /tags or /authors), with {@code query} as its query string. */
    private static APIGatewayV2HTTPEvent event(String path, Map<String, String> query) {
        return EventFiles.withQuery("list-" + path.substring(1) + ".json", query);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}

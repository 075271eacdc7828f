package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.service.ArticleService;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ReadHandlersTest {

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());
    private final ArticleService service = new ArticleService(store, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
    private final GetArticleHandler get = new GetArticleHandler(service);
    private final ListArticlesHandler list = new ListArticlesHandler(service, HandlerFactory.cursors());

    private final Article story = Articles.published("Kim and Trump", Instant.parse("2025-01-24T20:20:00Z"));
    private final Article draft = Articles.article("Not yet", null, ArticleStatus.DRAFT);

    ReadHandlersTest() {
        seeds.putAll(List.of(story, draft), Map.of(story.id(), "seed:story:1", draft.id(), "seed:story:2"));
    }

    @Test
    void get_returnsTheArticle_byIdAndBySlug_withCachingHeaders() {
        APIGatewayV2HTTPResponse byId = get.handleRequest(getEvent(story.id(), Map.of()), null);
        APIGatewayV2HTTPResponse bySlug = get.handleRequest(getEvent(story.slug(), Map.of()), null);

        assertThat(byId.getStatusCode()).isEqualTo(200);
        assertThat(byId.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("ETag", "\"" + story.id() + "-1\"")
                .containsKey("Last-Modified")
                .containsEntry("Cache-Control", "public, max-age=60, s-maxage=300, stale-while-revalidate=60");
        JsonNode body = json(byId);
        assertThat(body.get("id").asText()).isEqualTo(story.id());
        assertThat(body.get("title").asText()).isEqualTo("Kim and Trump");
        assertThat(body.get("publishedAt").asText()).isEqualTo("2025-01-24T20:20:00Z");
        assertThat(body.get("body")).hasSize(3);
        assertThat(body.get("body").get(1).get("type").asText()).isEqualTo("heading");
        assertThat(body.get("author").get("name").asText()).isEqualTo("Ada Reporter");
        assertThat(bySlug.getBody()).isEqualTo(byId.getBody());
    }

    @Test
    void get_answers304_whenIfNoneMatchNamesTheCurrentVersion() {
        String etag = get.handleRequest(getEvent(story.id(), Map.of()), null).getHeaders().get("ETag");

        APIGatewayV2HTTPResponse response = get.handleRequest(getEvent(story.id(), Map.of("if-none-match", "W/" + etag)), null);

        assertThat(response.getStatusCode()).isEqualTo(304);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders()).containsEntry("ETag", etag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-article", "0123456789abcdef", "..%2F..%2Fetc", "UPPER_case",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void get_answersNotFoundProblem_forAnythingThatIsNoPublishedArticle(String idOrSlug) {
        APIGatewayV2HTTPResponse response = get.handleRequest(getEvent(idOrSlug, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Cache-Control", "no-store");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("type").asText()).isEqualTo("urn:news-api:problem:not-found");
        assertThat(problem.get("instance").asText()).isEqualTo("/articles/" + idOrSlug);
    }

    @Test
    void get_hidesDrafts() {
        assertThat(get.handleRequest(getEvent(draft.id(), Map.of()), null).getStatusCode()).isEqualTo(404);
        assertThat(get.handleRequest(getEvent(draft.slug(), Map.of()), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void list_pagesThroughEveryPublishedArticle_newestFirst() {
        List<Article> more = IntStream.range(0, 6)
                .mapToObj(i -> Articles.published("More " + i, Instant.parse("2025-02-01T00:00:00Z").plusSeconds(i)))
                .toList();
        seeds.putAll(more, more.stream().collect(Collectors.toMap(Article::id, a -> "seed:story:" + a.id())));

        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(list.handleRequest(listEvent(cursor == null ? Map.of("limit", "3") : Map.of("limit", "3", "cursor", cursor)), null));
            page.get("items").forEach(item -> titles.add(item.get("title").asText()));
            assertThat(page.get("items").get(0).has("body")).isFalse();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(titles).containsExactly("More 5", "More 4", "More 3", "More 2", "More 1", "More 0", "Kim and Trump");
    }

    @Test
    void list_withBodies_stopsAPageShortOfLambdasResponseLimit_andGoesOnFromThere() {
        // 20 articles of 120,000 characters each: 2.4 million, more than one response may carry.
        String paragraph = "x".repeat(120_000);
        List<Article> large = IntStream.range(0, 20).mapToObj(i -> {
            Article a = Articles.published("Long read " + i, Instant.parse("2025-03-01T00:00:00Z").plusSeconds(i));
            return Articles.from(a).paragraph(paragraph).wordCount(1).build();
        }).toList();
        seeds.putAll(large, large.stream().collect(Collectors.toMap(Article::id, a -> "seed:story:" + a.id())));

        List<String> titles = new ArrayList<>();
        List<Integer> pageBytes = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new java.util.HashMap<>(Map.of("limit", "100", "fields", "id,title,body"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            APIGatewayV2HTTPResponse response = list.handleRequest(listEvent(query), null);
            pageBytes.add(response.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            JsonNode page = json(response);
            page.get("items").forEach(item -> titles.add(item.get("title").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(pageBytes).hasSize(2).allSatisfy(bytes -> assertThat(bytes).isLessThan(6 * 1024 * 1024));
        List<String> expected = new ArrayList<>(IntStream.iterate(19, i -> i >= 0, i -> i - 1).mapToObj(i -> "Long read " + i).toList());
        expected.add("Kim and Trump");
        assertThat(titles).containsExactlyElementsOf(expected);
        // Without bodies the same 21 articles are one small page.
        JsonNode whole = json(list.handleRequest(listEvent(Map.of("limit", "100")), null));
        assertThat(whole.get("items")).hasSize(21);
        assertThat(whole.get("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1e2", "99999999999"})
    void list_rejectsALimitOutOfRange_naming_theParameter(String limit) {
        APIGatewayV2HTTPResponse response = list.handleRequest(listEvent(Map.of("limit", limit)), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("parameter").asText()).isEqualTo("limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "eyJ2IjoxfQ", "eyJ2IjoxLCJhZnRlciI6Ijk5OTkifQ", "%%%", "eyJ2IjoyLCJhZnRlciI6IjIwMjUtMDEtMjRUMjA6MjA6MDAuMDAwWiMwMTIzNDU2Nzg5YWJjZGVmIn0"})
    void list_rejectsACursorItDidNotIssue(String cursor) {
        APIGatewayV2HTTPResponse response = list.handleRequest(listEvent(Map.of("cursor", cursor)), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("parameter").asText()).isEqualTo("cursor");
    }

    /** The real GET /articles/{id} event of events/, for {@code id}, with {@code headers} added. */
    private static APIGatewayV2HTTPEvent getEvent(String id, Map<String, String> headers) {
        return EventFiles.withHeaders(EventFiles.withPath("get-article.json", Map.of("id", id)), headers);
    }

    /** The real GET /articles event of events/, with {@code query} as its query string. */
    private static APIGatewayV2HTTPEvent listEvent(Map<String, String> query) {
        return EventFiles.withQuery("list-articles.json", query);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}

package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.EventFiles;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The editors' desk routes (list, get, unpublish) through their handlers, against the local engine. */
class DeskHandlersTest {

    private static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]");
    private static final Map<String, String> READER = Map.of("sub", "reader-1", "cognito:groups", "[readers]");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final DynamoDbClient dynamo = TestDatabase.client();
    private final ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
    private final EditorService editor = new EditorService(store, clock);
    private final CreateArticleHandler create = new CreateArticleHandler(editor);
    private final ListDeskArticlesHandler desk = new ListDeskArticlesHandler(editor, HandlerFactory.deskCursors());
    private final GetDeskArticleHandler deskGet = new GetDeskArticleHandler(editor);
    private final UnpublishArticleHandler unpublish = new UnpublishArticleHandler(editor);
    private final GetArticleHandler readerGet = new GetArticleHandler(new ArticleService(store, clock));

    @Test
    void deskRoutes_needATokenOfTheEditorsGroup() {
        for (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler : List.of(desk, deskGet, unpublish)) {
            assertThat(handler.handleRequest(event("GET", "/desk/articles", null, Map.of(), Map.of(), "0123456789abcdef"), null)
                    .getStatusCode()).as(handler.getClass().getSimpleName()).isEqualTo(401);
            APIGatewayV2HTTPEvent reader = event("GET", "/desk/articles", EDITOR, Map.of(), Map.of(), "0123456789abcdef");
            reader.getRequestContext().getAuthorizer().getJwt().setClaims(READER);
            assertThat(handler.handleRequest(reader, null).getStatusCode()).as(handler.getClass().getSimpleName()).isEqualTo(403);
        }
    }

    @Test
    void list_showsDraftsAndPublished_newestChangeFirst_withStatusAndVersion_neverCached() {
        String draft = created("\"title\": \"A draft\"");
        clock.advance(Duration.ofMinutes(1));
        String published = created("\"title\": \"Out now\", \"status\": \"published\"");

        APIGatewayV2HTTPResponse response = desk.handleRequest(get("/desk/articles", Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "private, no-store");
        JsonNode items = json(response).get("items");
        assertThat(items).extracting(item -> item.get("id").asText()).containsExactly(published, draft);
        assertThat(items.get(1).get("status").asText()).isEqualTo("draft");
        assertThat(items.get(1).get("version").asLong()).isEqualTo(1);
        assertThat(items.get(1).get("updatedAt").asText()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(items.get(1).has("body")).isFalse();
        assertThat(json(desk.handleRequest(get("/desk/articles", Map.of("status", "draft")), null)).get("items"))
                .extracting(item -> item.get("id").asText()).containsExactly(draft);
    }

    @Test
    void list_pagesWithASignedCursor_tiedToItsFilters() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.addFirst(created("\"title\": \"Draft " + i + "\""));
            clock.advance(Duration.ofSeconds(1));
        }

        JsonNode first = json(desk.handleRequest(get("/desk/articles", Map.of("limit", "2", "status", "draft")), null));
        List<String> seen = new ArrayList<>();
        JsonNode page = first;
        seen.addAll(idsOf(page));
        while (!page.get("nextCursor").isNull()) {
            page = json(desk.handleRequest(get("/desk/articles",
                    Map.of("limit", "2", "status", "draft", "cursor", page.get("nextCursor").asText())), null));
            seen.addAll(idsOf(page));
        }

        assertThat(seen).containsExactlyElementsOf(ids);
        String cursor = first.get("nextCursor").asText();
        assertThat(desk.handleRequest(get("/desk/articles", Map.of("limit", "2", "cursor", cursor)), null).getStatusCode())
                .as("the cursor of status=draft without it").isEqualTo(400);
        assertThat(desk.handleRequest(get("/desk/articles", Map.of("status", "draft", "tag", "x", "cursor", cursor)), null)
                .getStatusCode()).as("with another filter").isEqualTo(400);
    }

    static Stream<Map<String, String>> badListParameters() {
        return Stream.of(Map.of("status", "deleted"), Map.of("status", ""), Map.of("limit", "0"), Map.of("limit", "101"),
                Map.of("limit", "ten"), Map.of("cursor", "not-a-cursor"), Map.of("from", "2026-01-01"), Map.of("q", "\"unclosed"),
                Map.of("tag", " "));
    }

    @ParameterizedTest
    @MethodSource("badListParameters")
    void list_refusesABadParameter_withAProblem(Map<String, String> query) {
        APIGatewayV2HTTPResponse response = desk.handleRequest(get("/desk/articles", query), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void get_returnsADraft_withTheETagIfMatchTakes_neverCached() {
        String id = created("\"title\": \"A draft\"");

        APIGatewayV2HTTPResponse response = deskGet.handleRequest(get("/desk/articles/" + id, Map.of(), id), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"" + id + "-1\"").containsEntry("Cache-Control", "private, no-store");
        assertThat(json(response).get("status").asText()).isEqualTo("draft");
        assertThat(json(response).get("body")).isNotNull();
        assertThat(readerGet.handleRequest(get("/articles/" + id, Map.of(), id), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void get_isA404Problem_forAnUnknownOrMalformedId() {
        assertThat(deskGet.handleRequest(get("/desk/articles/0123456789abcdef", Map.of(), "0123456789abcdef"), null)
                .getStatusCode()).isEqualTo(404);
        assertThat(deskGet.handleRequest(get("/desk/articles/nope", Map.of(), "nope"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void unpublish_takesAPublishedArticleBackToDraft_offTheReadersFeeds_andIsIdempotent() {
        String id = created("\"title\": \"Out now\", \"status\": \"published\"");
        assertThat(readerGet.handleRequest(get("/articles/" + id, Map.of(), id), null).getStatusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));

        APIGatewayV2HTTPResponse response = unpublish.handleRequest(post(id, "\"" + id + "-1\""), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("draft");
        assertThat(response.getHeaders()).containsEntry("ETag", "\"" + id + "-2\"");
        assertThat(readerGet.handleRequest(get("/articles/" + id, Map.of(), id), null).getStatusCode()).isEqualTo(404);
        APIGatewayV2HTTPResponse again = unpublish.handleRequest(post(id, "\"" + id + "-2\""), null);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getHeaders()).containsEntry("ETag", "\"" + id + "-2\"");
    }

    @Test
    void unpublish_needsIfMatch_refusesAStaleOne_andIsA404ForAnUnknownArticle() {
        String id = created("\"title\": \"Out now\", \"status\": \"published\"");

        assertThat(unpublish.handleRequest(post(id, null), null).getStatusCode()).isEqualTo(428);
        assertThat(unpublish.handleRequest(post(id, "\"" + id + "-7\""), null).getStatusCode()).isEqualTo(412);
        assertThat(unpublish.handleRequest(post("0123456789abcdef", "\"0123456789abcdef-1\""), null).getStatusCode()).isEqualTo(404);
        assertThat(readerGet.handleRequest(get("/articles/" + id, Map.of(), id), null).getStatusCode()).isEqualTo(200);
    }

    private String created(String fields) {
        APIGatewayV2HTTPResponse response = create.handleRequest(event("POST", "/articles", EDITOR, Map.of(),
                Map.of("content-type", "application/json"), null,
                "{" + fields + ", \"body\": [{\"type\": \"paragraph\", \"text\": \"Text.\"}]}"), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    private static APIGatewayV2HTTPEvent get(String path, Map<String, String> query, String... id) {
        return event("GET", path, EDITOR, query, Map.of(), id.length == 0 ? null : id[0]);
    }

    private static APIGatewayV2HTTPEvent post(String id, String ifMatch) {
        return event("POST", "/articles/" + id + "/unpublish", EDITOR, Map.of(),
                ifMatch == null ? Map.of() : Map.of("if-match", ifMatch), id);
    }

    /**
     * The real event of events/ for this route, made this case's request: its claims (null: none),
     * query, headers (If-Match only when the case sends one), path parameter {@code id} and body.
     */
    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> claims, Map<String, String> query,
                                               Map<String, String> headers, String id, String... body) {
        APIGatewayV2HTTPEvent event = EventFiles.request(method, path);
        event.setPathParameters(id == null ? null : new HashMap<>(Map.of("id", id)));
        EventFiles.withHeaders(EventFiles.withoutHeaders(event, "if-match", "idempotency-key"), headers);
        event.setBody(body.length == 0 ? null : body[0]);
        return EventFiles.withClaims(EventFiles.withQuery(event, query), claims);
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody() == null ? "null" : response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}

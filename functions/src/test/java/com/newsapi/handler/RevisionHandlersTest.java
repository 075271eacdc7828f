package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The revision routes (list, get, restore) and the revisions the write routes keep, through their handlers. */
class RevisionHandlersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Map<String, String> ANN = Map.of("sub", "sub-ann", "email", "ann@example.com", "cognito:groups", "[editors]");
    private static final Map<String, String> BO = Map.of("sub", "sub-bo", "cognito:username", "bo", "cognito:groups", "[editors]");
    private static final String STORY = """
            {"title": "Rivers rise in the north", "summary": "Floods.",
             "body": [{"type": "paragraph", "text": "Heavy rain swelled rivers."}],
             "author": {"name": "Mia Brandt"}, "tags": ["weather"]}""";

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
    private final TestClock clock = new TestClock(NOW);
    private final EditorService editor = new EditorService(store, clock);
    private final CreateArticleHandler create = new CreateArticleHandler(editor);
    private final PatchArticleHandler patch = new PatchArticleHandler(editor);
    private final PublishArticleHandler publish = new PublishArticleHandler(editor);
    private final ReplaceArticleHandler replace = new ReplaceArticleHandler(editor);
    private final DeleteArticleHandler delete = new DeleteArticleHandler(editor);
    private final ListRevisionsHandler list = new ListRevisionsHandler(editor, HandlerFactory.revisionCursors());
    private final GetRevisionHandler get = new GetRevisionHandler(editor);
    private final RestoreRevisionHandler restore = new RestoreRevisionHandler(editor);

    @Test
    void eachWrite_keepsARevision_withWhoWhenAndWhatChanged_newestFirst() {
        String id = created();
        clock.advance(Duration.ofMinutes(5));
        String etag = send(patch, "PATCH", "/articles/" + id, "{\"title\": \"Rivers rise\", \"tags\": [\"floods\"]}",
                Map.of("if-match", etag(id, 1)), BO, id).getHeaders().get("ETag");
        clock.advance(Duration.ofMinutes(5));
        send(publish, "POST", "/articles/" + id + "/publish", null, Map.of("if-match", etag), ANN, id);
        clock.advance(Duration.ofMinutes(5));
        send(replace, "PUT", "/articles/" + id, STORY.replace("Floods.", "Floods spread."), Map.of("if-match", etag(id, 3)), BO, id);

        APIGatewayV2HTTPResponse response = send(list, "GET", revisionsPath(id), null, Map.of(), ANN, id);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "private, no-store");
        JsonNode items = json(response).get("items");
        assertThat(items).extracting(item -> item.get("version").asLong()).containsExactly(4L, 3L, 2L, 1L);
        assertThat(items).extracting(item -> item.get("savedBy").asText()).containsExactly("bo", "ann@example.com", "bo", "ann@example.com");
        assertThat(items).extracting(item -> item.get("status").asText()).containsExactly("published", "published", "draft", "draft");
        assertThat(items.get(1).get("savedAt").asText()).isEqualTo(NOW.plus(Duration.ofMinutes(10)).toString());
        assertThat(texts(items.get(0).get("changed"))).containsExactly("title", "summary", "tags");
        assertThat(texts(items.get(1).get("changed"))).containsExactly("status", "publishedAt");
        assertThat(texts(items.get(2).get("changed"))).containsExactly("title", "tags");
        assertThat(texts(items.get(3).get("changed"))).containsExactly("title", "summary", "body", "author", "tags", "status");
        assertThat(items.get(0).has("restoredFrom")).isFalse();
        assertThat(json(response).get("nextCursor").isNull()).isTrue();
    }

    @Test
    void getRevision_showsTheArticleAsItWasAtThatVersion() {
        String id = created();
        send(patch, "PATCH", "/articles/" + id, "{\"title\": \"Rivers rise\"}", Map.of("if-match", etag(id, 1)), BO, id);

        APIGatewayV2HTTPResponse response = send(get, "GET", revisionsPath(id) + "/1", null, Map.of(), ANN, id, "1");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode revision = json(response);
        assertThat(revision.get("version").asLong()).isEqualTo(1);
        assertThat(revision.get("savedBy").asText()).isEqualTo("ann@example.com");
        assertThat(revision.get("article").get("title").asText()).isEqualTo("Rivers rise in the north");
        assertThat(revision.get("article").get("version").asLong()).isEqualTo(1);
        assertThat(revision.get("article").get("body").get(0).get("text").asText()).isEqualTo("Heavy rain swelled rivers.");
    }

    @Test
    void restore_makesANewVersion_withTheOldContent_keepingStatusAndDates() {
        String id = created();
        clock.advance(Duration.ofMinutes(5));
        send(publish, "POST", "/articles/" + id + "/publish", null, Map.of("if-match", etag(id, 1)), ANN, id);
        clock.advance(Duration.ofMinutes(5));
        send(patch, "PATCH", "/articles/" + id, "{\"title\": \"Rivers rise\", \"summary\": null, \"tags\": [\"floods\"]}",
                Map.of("if-match", etag(id, 2)), BO, id);
        clock.advance(Duration.ofMinutes(5));

        APIGatewayV2HTTPResponse restored = send(restore, "POST", revisionsPath(id) + "/1/restore", null,
                Map.of("if-match", etag(id, 3)), BO, id, "1");

        assertThat(restored.getStatusCode()).isEqualTo(200);
        assertThat(restored.getHeaders()).containsEntry("ETag", etag(id, 4));
        JsonNode article = json(restored);
        assertThat(article.get("version").asLong()).isEqualTo(4);
        assertThat(article.get("title").asText()).isEqualTo("Rivers rise in the north");
        assertThat(article.get("summary").asText()).isEqualTo("Floods.");
        assertThat(texts(article.get("tags"))).containsExactly("weather");
        assertThat(article.get("status").asText()).isEqualTo("published");
        assertThat(article.get("publishedAt").asText()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).toString());
        assertThat(article.get("createdAt").asText()).isEqualTo(NOW.toString());
        JsonNode newest = json(send(list, "GET", revisionsPath(id), null, Map.of(), ANN, id)).get("items").get(0);
        assertThat(newest.get("version").asLong()).isEqualTo(4);
        assertThat(newest.get("restoredFrom").asLong()).isEqualTo(1);
        assertThat(newest.get("savedBy").asText()).isEqualTo("bo");
        assertThat(texts(newest.get("changed"))).containsExactly("title", "summary", "tags");
    }

    @Test
    void restore_refusesAStaleOrMissingIfMatch_andChangesNothing() {
        String id = created();
        send(patch, "PATCH", "/articles/" + id, "{\"title\": \"Rivers rise\"}", Map.of("if-match", etag(id, 1)), BO, id);

        APIGatewayV2HTTPResponse stale = send(restore, "POST", revisionsPath(id) + "/1/restore", null, Map.of("if-match", etag(id, 1)), ANN, id, "1");
        APIGatewayV2HTTPResponse missing = send(restore, "POST", revisionsPath(id) + "/1/restore", null, Map.of(), ANN, id, "1");

        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(missing.getStatusCode()).isEqualTo(428);
        assertThat(editor.get(id).version()).isEqualTo(2);
        assertThat(editor.get(id).title()).isEqualTo("Rivers rise");
    }

    @Test
    void anUnknownVersionOrArticle_isA404() {
        String id = created();
        String unknown = "0123456789abcdef";

        assertThat(send(get, "GET", revisionsPath(id) + "/7", null, Map.of(), ANN, id, "7").getStatusCode()).isEqualTo(404);
        assertThat(send(restore, "POST", revisionsPath(id) + "/7/restore", null, Map.of("if-match", etag(id, 1)), ANN, id, "7")
                .getStatusCode()).isEqualTo(404);
        assertThat(send(list, "GET", revisionsPath(unknown), null, Map.of(), ANN, unknown).getStatusCode()).isEqualTo(404);
        assertThat(send(get, "GET", revisionsPath(unknown) + "/1", null, Map.of(), ANN, unknown, "1").getStatusCode()).isEqualTo(404);
        assertThat(send(list, "GET", revisionsPath("not-an-id"), null, Map.of(), ANN, "not-an-id").getStatusCode()).isEqualTo(404);
        assertThat(editor.get(id).version()).isEqualTo(1);
    }

    @Test
    void aDeletedArticle_takesItsRevisionsWithIt() {
        String id = created();
        send(patch, "PATCH", "/articles/" + id, "{\"title\": \"Rivers rise\"}", Map.of("if-match", etag(id, 1)), BO, id);

        assertThat(send(delete, "DELETE", "/articles/" + id, null, Map.of("if-match", etag(id, 2)), ANN, id).getStatusCode()).isEqualTo(204);

        assertThat(send(list, "GET", revisionsPath(id), null, Map.of(), ANN, id).getStatusCode()).isEqualTo(404);
        assertThat(send(get, "GET", revisionsPath(id) + "/1", null, Map.of(), ANN, id, "1").getStatusCode()).isEqualTo(404);
    }

    @Test
    void theRevisionRoutes_needATokenOfTheEditorsGroup() {
        String id = created();
        for (var route : List.<Object[]>of(new Object[] {list, "GET", revisionsPath(id)}, new Object[] {get, "GET", revisionsPath(id) + "/1"},
                new Object[] {restore, "POST", revisionsPath(id) + "/1/restore"})) {
            @SuppressWarnings("unchecked")
            var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) route[0];
            APIGatewayV2HTTPEvent anonymous = event((String) route[1], (String) route[2], null, Map.of("if-match", etag(id, 1)), ANN, id, "1");
            anonymous.getRequestContext().setAuthorizer(null);
            APIGatewayV2HTTPEvent reader = event((String) route[1], (String) route[2], null, Map.of("if-match", etag(id, 1)),
                    Map.of("sub", "reader-1", "cognito:groups", "[readers]"), id, "1");

            assertThat(handler.handleRequest(anonymous, null).getStatusCode()).as("%s without a token", route[2]).isEqualTo(401);
            assertThat(handler.handleRequest(reader, null).getStatusCode()).as("%s as a reader", route[2]).isEqualTo(403);
        }
        assertThat(editor.get(id).version()).isEqualTo(1);
    }

    static Stream<Arguments> badVersions() {
        return Stream.of(Arguments.of("0"), Arguments.of("-1"), Arguments.of("abc"), Arguments.of("1.5"), Arguments.of("0001"),
                Arguments.of("1234567890123456789"));
    }

    @ParameterizedTest
    @MethodSource("badVersions")
    void aVersionThatIsNotOne_isA400(String version) {
        String id = created();

        APIGatewayV2HTTPResponse got = send(get, "GET", revisionsPath(id) + "/" + version, null, Map.of(), ANN, id, version);
        APIGatewayV2HTTPResponse restored = send(restore, "POST", revisionsPath(id) + "/" + version + "/restore", null,
                Map.of("if-match", etag(id, 1)), ANN, id, version);

        assertThat(got.getStatusCode()).isEqualTo(400);
        assertThat(json(got).get("parameter").asText()).isEqualTo("version");
        assertThat(restored.getStatusCode()).isEqualTo(400);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(Arguments.of(Map.of("limit", "0"), "limit"), Arguments.of(Map.of("limit", "51"), "limit"),
                Arguments.of(Map.of("limit", "ten"), "limit"), Arguments.of(Map.of("cursor", "not-a-cursor"), "cursor"),
                Arguments.of(Map.of("cursor", HandlerFactory.cursors().encode(new com.newsapi.model.FeedKey(NOW, "0123456789abcdef"),
                        com.newsapi.model.ArticleQuery.ALL)), "cursor"),
                Arguments.of(Map.of("cursor", HandlerFactory.revisionCursors().encode("0123456789abcdef", 3)), "cursor"),
                Arguments.of(Map.of("status", "draft"), "status"));
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void aBadLimitCursorOrParameter_isA400_namingIt(Map<String, String> query, String parameter) {
        String id = created();
        APIGatewayV2HTTPEvent event = event("GET", revisionsPath(id), null, Map.of(), ANN, id);
        event.setQueryStringParameters(query);

        APIGatewayV2HTTPResponse response = list.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void pages_visitEveryKeptRevisionOnce_newestFirst() {
        String id = created();
        for (int version = 1; version < 7; version++) {
            send(patch, "PATCH", "/articles/" + id, "{\"summary\": \"Edit " + version + ".\"}", Map.of("if-match", etag(id, version)), BO, id);
        }

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            APIGatewayV2HTTPEvent event = event("GET", revisionsPath(id), null, Map.of(), ANN, id);
            event.setQueryStringParameters(cursor == null ? Map.of("limit", "3") : Map.of("limit", "3", "cursor", cursor));
            JsonNode page = json(list.handleRequest(event, null));
            page.get("items").forEach(item -> seen.add(item.get("version").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(pages).isEqualTo(3);
    }

    private String created() {
        APIGatewayV2HTTPResponse response = send(create, "POST", "/articles", STORY, Map.of(), ANN);
        assertThat(response.getStatusCode()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    private static String revisionsPath(String id) {
        return "/desk/articles/" + id + "/revisions";
    }

    private static String etag(String id, long version) {
        return "\"" + id + "-" + version + "\"";
    }

    private static APIGatewayV2HTTPResponse send(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String method,
                                                 String path, String body, Map<String, String> headers, Map<String, String> claims,
                                                 String... pathParameters) {
        return handler.handleRequest(event(method, path, body, headers, claims, pathParameters), null);
    }

    /**
     * The real event of events/ for this route, made this case's request: the JWT authorizer's
     * claims, path parameters id and version, headers (If-Match only when the case sends one), body.
     */
    private static APIGatewayV2HTTPEvent event(String method, String path, String body, Map<String, String> headers,
                                              Map<String, String> claims, String... pathParameters) {
        Map<String, String> allHeaders = new HashMap<>(Map.of("content-type", "application/json"));
        allHeaders.putAll(headers);
        Map<String, String> parameters = new HashMap<>();
        if (pathParameters.length > 0) {
            parameters.put("id", pathParameters[0]);
        }
        if (pathParameters.length > 1) {
            parameters.put("version", pathParameters[1]);
        }
        APIGatewayV2HTTPEvent event = EventFiles.request(method, path);
        event.setPathParameters(parameters.isEmpty() ? null : parameters);
        EventFiles.withHeaders(EventFiles.withoutHeaders(event, "if-match", "idempotency-key"), allHeaders);
        event.setBody(body);
        return EventFiles.withQuery(EventFiles.withClaims(event, claims), Map.of());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody() == null ? "null" : response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}

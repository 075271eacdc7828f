package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.EventFiles;
import com.newsapi.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The editor routes through their handlers, against the local engine. */
class EditorHandlersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]");
    private static final String STORY = """
            {"title": "Rivers rise in the north", "summary": "Floods.",
             "body": [{"type": "paragraph", "text": "Heavy rain swelled rivers."},
                      {"type": "heading", "text": "Evacuations"},
                      {"type": "paragraph", "text": "Villages were evacuated overnight."}],
             "author": {"name": "Mia Brandt", "bio": "Weather desk."}, "tags": ["Weather", "europe"]}""";

    private static final String PUBLISHED_STORY = STORY.replace("\"tags\"", "\"status\": \"published\", \"tags\"");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final EditorService editor = new EditorService(store, clock);
    private final ArticleService reader = new ArticleService(store, clock);
    private final CreateArticleHandler create = new CreateArticleHandler(editor);
    private final ReplaceArticleHandler replace = new ReplaceArticleHandler(editor);
    private final PatchArticleHandler patch = new PatchArticleHandler(editor);
    private final PublishArticleHandler publish = new PublishArticleHandler(editor);
    private final DeleteArticleHandler delete = new DeleteArticleHandler(editor);
    private final GetArticleHandler get = new GetArticleHandler(reader);
    private final ListArticlesHandler list = new ListArticlesHandler(reader, HandlerFactory.cursors());
    private final ListTagsHandler tags = new ListTagsHandler(reader, HandlerFactory.countCursors());

    @Test
    void create_storesADraft_thatReadersCannotSee_untilItIsPublished() {
        APIGatewayV2HTTPResponse created = create.handleRequest(write("POST", "/articles", STORY, Map.of()), null);

        assertThat(created.getStatusCode()).isEqualTo(201);
        JsonNode article = json(created);
        String id = article.get("id").asText();
        assertThat(created.getHeaders()).containsEntry("Location", "/articles/" + id)
                .containsEntry("ETag", "\"" + id + "-1\"").containsEntry("Cache-Control", "no-store");
        assertThat(article.get("status").asText()).isEqualTo("draft");
        assertThat(article.get("slug").asText()).isEqualTo("rivers-rise-in-the-north");
        assertThat(article.get("tags")).extracting(JsonNode::asText).containsExactly("weather", "europe");
        assertThat(article.has("publishedAt")).isFalse();
        assertThat(get.handleRequest(read("/articles/" + id), null).getStatusCode()).isEqualTo(404);
        assertThat(titles(list.handleRequest(read("/articles"), null))).isEmpty();

        APIGatewayV2HTTPResponse published = publish.handleRequest(
                write("POST", "/articles/" + id + "/publish", null, Map.of("if-match", created.getHeaders().get("ETag")), id), null);

        assertThat(published.getStatusCode()).isEqualTo(200);
        assertThat(json(published).get("publishedAt").asText()).isEqualTo(NOW.toString());
        assertThat(published.getHeaders()).containsEntry("ETag", "\"" + id + "-2\"");
        assertThat(get.handleRequest(read("/articles/rivers-rise-in-the-north"), null).getStatusCode()).isEqualTo(200);
        assertThat(titles(list.handleRequest(read("/articles", Map.of("q", "villages evacuated")), null)))
                .containsExactly("Rivers rise in the north");
    }

    @Test
    void writes_needATokenOfTheEditorsGroup() {
        APIGatewayV2HTTPEvent anonymous = write("POST", "/articles", STORY, Map.of());
        anonymous.getRequestContext().setAuthorizer(null);
        APIGatewayV2HTTPEvent reader = write("POST", "/articles", STORY, Map.of());
        reader.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "reader-1", "cognito:groups", "[readers]"));

        assertThat(create.handleRequest(anonymous, null).getStatusCode()).isEqualTo(401);
        assertThat(create.handleRequest(reader, null).getStatusCode()).isEqualTo(403);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}]}", 422, "title"),
                Arguments.of("{\"title\": \"T\"}", 422, "body"),
                Arguments.of("{\"title\": 7, \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}]}", 422, "title"),
                Arguments.of("{\"title\": \"T\", \"body\": [{\"type\": \"quote\", \"text\": \"x\"}]}", 422, "body/0/type"),
                Arguments.of("{\"title\": \"T\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}], \"id\": \"0123456789abcdef\"}", 422, "id"),
                Arguments.of("{\"title\": \"T\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}], \"version\": 9}", 422, "version"),
                Arguments.of("{\"title\": \"T\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}], \"isAdmin\": true}", 422, "isAdmin"),
                Arguments.of("{\"title\": \"T\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}], \"status\": \"live\"}", 422, "status"),
                Arguments.of("{\"title\": \"T\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}], \"tags\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}", 422, "tags"),
                Arguments.of("{\"title\": \"" + "x".repeat(201) + "\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}]}", 422, "title"),
                Arguments.of("{\"title\": \"T\\u0007\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}]}", 422, "title"),
                Arguments.of("{\"title\": \"T\", ", 400, null),
                Arguments.of("[1, 2]", 400, null),
                Arguments.of("{\"title\": \"T\", \"title\": \"U\", \"body\": []}", 400, null),
                Arguments.of("[".repeat(100) + "]".repeat(100), 400, null),
                Arguments.of("{\"title\": \"T\", \"body\": [{\"type\": \"paragraph\", \"text\": \"" + "x".repeat(140_000) + "\"}]}", 413, null));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void create_refusesABadBody_withAProblemNamingTheField(String body, int status, String field) {
        APIGatewayV2HTTPResponse response = create.handleRequest(write("POST", "/articles", body, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        if (field != null) {
            assertThat(json(response).get("field").asText()).isEqualTo(field);
        }
        assertThat(titles(list.handleRequest(read("/articles"), null))).isEmpty();
    }

    @Test
    void create_refusesOtherMediaTypes_andInvalidUtf8() {
        APIGatewayV2HTTPEvent text = write("POST", "/articles", STORY, Map.of("content-type", "text/plain"));
        APIGatewayV2HTTPEvent latin1 = write("POST", "/articles", null, Map.of());
        latin1.setBody(Base64.getEncoder().encodeToString(new byte[] {'{', '"', 't', (byte) 0xff, '"', ':', '1', '}'}));
        latin1.setIsBase64Encoded(true);

        assertThat(create.handleRequest(text, null).getStatusCode()).isEqualTo(415);
        assertThat(create.handleRequest(latin1, null).getStatusCode()).isEqualTo(400);
    }

    @Test
    void create_givesEachArticleItsOwnSlug_whenTitlesClash() {
        String first = json(create.handleRequest(write("POST", "/articles", STORY, Map.of()), null)).get("slug").asText();
        String second = json(create.handleRequest(write("POST", "/articles", STORY, Map.of()), null)).get("slug").asText();

        assertThat(first).isEqualTo("rivers-rise-in-the-north");
        assertThat(second).isEqualTo("rivers-rise-in-the-north-2");
    }

    @Test
    void create_withTheSameIdempotencyKey_returnsTheFirstAnswer_andCreatesNothingNew() {
        APIGatewayV2HTTPResponse first = create.handleRequest(write("POST", "/articles", STORY, Map.of("idempotency-key", "k-1")), null);
        APIGatewayV2HTTPResponse retry = create.handleRequest(write("POST", "/articles", STORY, Map.of("idempotency-key", "k-1")), null);
        APIGatewayV2HTTPResponse reuse = create.handleRequest(write("POST", "/articles", STORY.replace("Floods.", "Other."),
                Map.of("idempotency-key", "k-1")), null);

        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("ETag", first.getHeaders().get("ETag"))
                .containsEntry("Location", first.getHeaders().get("Location"));
        assertThat(reuse.getStatusCode()).isEqualTo(422);
        assertThat(store.slugOwners(List.of("rivers-rise-in-the-north", "rivers-rise-in-the-north-2"))).hasSize(1);
    }

    @Test
    void changes_needTheCurrentETag_inIfMatch() {
        APIGatewayV2HTTPResponse created = create.handleRequest(write("POST", "/articles", STORY, Map.of()), null);
        String id = json(created).get("id").asText();
        String etag = created.getHeaders().get("ETag");
        String changed = STORY.replace("Floods.", "Floods spread.");

        APIGatewayV2HTTPResponse missing = replace.handleRequest(write("PUT", "/articles/" + id, changed, Map.of(), id), null);
        APIGatewayV2HTTPResponse ok = replace.handleRequest(write("PUT", "/articles/" + id, changed, Map.of("if-match", etag), id), null);
        APIGatewayV2HTTPResponse stale = replace.handleRequest(write("PUT", "/articles/" + id, STORY, Map.of("if-match", etag), id), null);
        APIGatewayV2HTTPResponse staleDelete = delete.handleRequest(write("DELETE", "/articles/" + id, null, Map.of("if-match", etag), id), null);

        assertThat(missing.getStatusCode()).isEqualTo(428);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(json(ok).get("summary").asText()).isEqualTo("Floods spread.");
        assertThat(json(ok).get("version").asInt()).isEqualTo(2);
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(staleDelete.getStatusCode()).isEqualTo(412);
    }

    @Test
    void patch_mergesIntoTheArticle_andKeepsIndexesAndCountsInStep() {
        APIGatewayV2HTTPResponse created = create.handleRequest(write("POST", "/articles", PUBLISHED_STORY, Map.of()), null);
        String id = json(created).get("id").asText();
        assertThat(titles(list.handleRequest(read("/articles", Map.of("tag", "weather")), null))).containsExactly("Rivers rise in the north");

        APIGatewayV2HTTPResponse patched = patch.handleRequest(write("PATCH", "/articles/" + id,
                "{\"summary\": null, \"tags\": [\"climate\"], \"body\": [{\"type\": \"paragraph\", \"text\": \"Dry again.\"}]}",
                Map.of("if-match", created.getHeaders().get("ETag"), "content-type", "application/merge-patch+json"), id), null);

        assertThat(patched.getStatusCode()).as(patched.getBody()).isEqualTo(200);
        JsonNode article = json(patched);
        assertThat(article.has("summary")).isFalse();
        assertThat(article.get("title").asText()).isEqualTo("Rivers rise in the north");
        assertThat(titles(list.handleRequest(read("/articles", Map.of("tag", "weather")), null))).isEmpty();
        assertThat(titles(list.handleRequest(read("/articles", Map.of("tag", "climate")), null))).containsExactly("Rivers rise in the north");
        assertThat(titles(list.handleRequest(read("/articles", Map.of("q", "villages")), null))).isEmpty();
        assertThat(titles(list.handleRequest(read("/articles", Map.of("q", "dry")), null))).containsExactly("Rivers rise in the north");
        assertThat(json(tags.handleRequest(read("/tags"), null)).get("items")).extracting(item -> item.get("name").asText())
                .containsExactly("climate");
    }

    @Test
    void delete_removesTheArticleFromEveryView_andFreesItsSlug() {
        APIGatewayV2HTTPResponse created = create.handleRequest(write("POST", "/articles", PUBLISHED_STORY, Map.of()), null);
        String id = json(created).get("id").asText();

        APIGatewayV2HTTPResponse deleted = delete.handleRequest(write("DELETE", "/articles/" + id, null,
                Map.of("if-match", created.getHeaders().get("ETag")), id), null);

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(get.handleRequest(read("/articles/" + id), null).getStatusCode()).isEqualTo(404);
        assertThat(titles(list.handleRequest(read("/articles", Map.of("q", "rivers")), null))).isEmpty();
        assertThat(json(tags.handleRequest(read("/tags"), null)).get("items")).isEmpty();
        assertThat(json(create.handleRequest(write("POST", "/articles", STORY, Map.of()), null)).get("slug").asText())
                .isEqualTo("rivers-rise-in-the-north");
    }

    @Test
    void concurrentUpdates_withTheSameETag_exactlyOneWins() throws Exception {
        APIGatewayV2HTTPResponse created = create.handleRequest(write("POST", "/articles", STORY, Map.of()), null);
        String id = json(created).get("id").asText();
        String etag = created.getHeaders().get("ETag");
        int editors = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(editors)) {
            for (int i = 0; i < editors; i++) {
                String body = STORY.replace("Floods.", "Edit " + i + ".");
                results.add(pool.submit(() -> {
                    start.await();
                    return replace.handleRequest(write("PUT", "/articles/" + id, body, Map.of("if-match", etag), id), null).getStatusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 412);
        }
        assertThat(editor.get(id).version()).isEqualTo(2);
    }

    /**
     * An editor's request, from the real event of events/ for its route: this case's body, headers
     * and claims in place of the sample's (If-Match and Idempotency-Key only when the case sends them).
     */
    private static APIGatewayV2HTTPEvent write(String method, String path, String body, Map<String, String> headers, String... id) {
        String file = switch (method) {
            case "POST" -> path.endsWith("/publish") ? "publish-article.json" : "create-article.json";
            case "PUT" -> "replace-article.json";
            case "PATCH" -> "patch-article.json";
            case "DELETE" -> "delete-article.json";
            default -> throw new IllegalArgumentException("no editor's route for " + method);
        };
        APIGatewayV2HTTPEvent event = id.length == 0 ? EventFiles.load(file) : EventFiles.withPath(file, Map.of("id", id[0]));
        Map<String, String> allHeaders = new HashMap<>(Map.of("content-type", "application/json"));
        allHeaders.putAll(headers);
        EventFiles.withHeaders(EventFiles.withoutHeaders(event, "if-match", "idempotency-key"), allHeaders);
        event.setBody(body);
        return EventFiles.withClaims(event, EDITOR);
    }

    private static APIGatewayV2HTTPEvent read(String path) {
        return read(path, Map.of());
    }

    /** A reader's request, from the real event of events/ for its route: GET /articles/{id} or GET /articles. */
    private static APIGatewayV2HTTPEvent read(String path, Map<String, String> query) {
        String id = path.startsWith("/articles/") ? path.substring("/articles/".length()) : null;
        return EventFiles.withQuery(id == null ? EventFiles.load("list-articles.json") : EventFiles.withPath("get-article.json", Map.of("id", id)),
                query);
    }

    private static List<String> titles(APIGatewayV2HTTPResponse response) {
        List<String> titles = new ArrayList<>();
        json(response).get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody() == null ? "null" : response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}

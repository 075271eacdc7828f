package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.codec.Json;
import com.newsapi.codec.PreviewTokens;
import com.newsapi.codec.SignedPositions;
import com.newsapi.codec.SyncTokens;
import com.newsapi.model.ArticleQuery;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.service.PreviewService;
import com.newsapi.model.SyncPosition;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.model.CountKind;
import com.newsapi.model.FeedKey;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Preview links through their two handlers, against the local engine, on a clock the test moves. */
class PreviewHandlersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]");
    private static final String DRAFT = """
            {"title": "Budget talks stall", "summary": "No deal yet.",
             "body": [{"type": "paragraph", "text": "Talks went on late."},
                      {"type": "heading", "text": "What comes next"},
                      {"type": "paragraph", "text": "Another round on Monday."}],
             "author": {"name": "Ines Park"}, "tags": ["politics"]}""";

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
    private final TestClock clock = new TestClock(NOW);
    private final EditorService editor = new EditorService(store, clock);
    private final CreateArticleHandler create = new CreateArticleHandler(editor);
    private final PatchArticleHandler patch = new PatchArticleHandler(editor);
    private final DeleteArticleHandler delete = new DeleteArticleHandler(editor);
    private final GetArticleHandler readerGet = new GetArticleHandler(new ArticleService(store, clock));
    private final CreatePreviewHandler createPreview = new CreatePreviewHandler(previews(HandlerFactory.SYNC_KEY));
    private final GetPreviewHandler getPreview = new GetPreviewHandler(previews(HandlerFactory.SYNC_KEY));

    @Test
    void aPreviewLink_showsADraft_thatReadersCannotSee_asAReadOnlyPage() {
        JsonNode draft = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null));
        String id = draft.get("id").asText();

        APIGatewayV2HTTPResponse created = createPreview.handleRequest(previewRequest(id, null), null);

        assertThat(created.getStatusCode()).isEqualTo(201);
        JsonNode link = json(created);
        String token = link.get("token").asText();
        assertThat(link.get("expiresAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(link.get("url").asText()).isEqualTo("https://abc123.execute-api.eu-west-1.amazonaws.com/preview/" + token);
        assertThat(created.getHeaders()).containsEntry("Location", link.get("url").asText()).containsEntry("Cache-Control", "no-store");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(140);
        assertThat(readerGet.handleRequest(readerEvent(id), null).getStatusCode()).isEqualTo(404);

        APIGatewayV2HTTPResponse page = getPreview.handleRequest(previewPage(token, Map.of()), null);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "private, no-store").containsEntry("X-Robots-Tag", "noindex")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(page.getHeaders().get("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-")
                .doesNotContain("script-src", "unsafe-inline");
        assertThat(page.getHeaders().get("Vary")).contains("Accept");
        assertThat(page.getBody()).contains("Preview — not published", "<h1>Budget talks stall</h1>", "No deal yet.",
                "By Ines Park", "Draft, last saved 23 November 2026, 10:00 UTC", "<p>Talks went on late.</p>",
                "<h2>What comes next</h2>", "<p>Another round on Monday.</p>").doesNotContain("<script");
    }

    @Test
    void aPreview_showsTheCurrentVersion_afterAnEdit() {
        APIGatewayV2HTTPResponse draft = create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null);
        String id = json(draft).get("id").asText();
        String token = json(createPreview.handleRequest(previewRequest(id, null), null)).get("token").asText();

        clock.advance(Duration.ofMinutes(5));
        APIGatewayV2HTTPResponse edited = patch.handleRequest(write("PATCH", "/articles/" + id,
                "{\"title\": \"Budget talks resume\"}", Map.of("if-match", draft.getHeaders().get("ETag")), id), null);
        assertThat(edited.getStatusCode()).isEqualTo(200);

        JsonNode shown = json(getPreview.handleRequest(previewPage(token, Map.of("accept", "application/json")), null));
        assertThat(shown.get("title").asText()).isEqualTo("Budget talks resume");
        assertThat(shown.get("version").asInt()).isEqualTo(2);
        // As the write answered, but for "source": a write answers {} where the stored article has none.
        assertThat(withoutSource(shown)).isEqualTo(withoutSource(json(edited)));
    }

    @Test
    void aLink_works_untilTheSecondItExpires_andIsGoneFromThen() {
        String id = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null)).get("id").asText();
        JsonNode link = json(createPreview.handleRequest(previewRequest(id, "{\"expiresInHours\": 1}"), null));
        assertThat(link.get("expiresAt").asText()).isEqualTo("2026-11-23T11:00:00Z");

        clock.set(Instant.parse("2026-11-23T10:59:59.999Z"));
        assertThat(getPreview.handleRequest(previewPage(link.get("token").asText(), Map.of()), null).getStatusCode()).isEqualTo(200);

        clock.set(Instant.parse("2026-11-23T11:00:00Z"));
        APIGatewayV2HTTPResponse expired = getPreview.handleRequest(previewPage(link.get("token").asText(), Map.of()), null);

        assertThat(expired.getStatusCode()).isEqualTo(410);
        assertThat(expired.getHeaders()).containsEntry("Content-Type", "application/problem+json").containsEntry("Cache-Control", "no-store");
        assertThat(json(expired).get("type").asText()).isEqualTo("urn:news-api:problem:preview-expired");
    }

    @Test
    void aLink_stopsWorking_whenItsArticleIsDeleted() {
        APIGatewayV2HTTPResponse draft = create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null);
        String id = json(draft).get("id").asText();
        String token = json(createPreview.handleRequest(previewRequest(id, null), null)).get("token").asText();

        assertThat(delete.handleRequest(write("DELETE", "/articles/" + id, null, Map.of("if-match", draft.getHeaders().get("ETag")), id), null)
                .getStatusCode()).isEqualTo(204);

        APIGatewayV2HTTPResponse gone = getPreview.handleRequest(previewPage(token, Map.of()), null);
        assertThat(gone.getStatusCode()).isEqualTo(404);
        assertThat(json(gone).get("type").asText()).isEqualTo("urn:news-api:problem:preview-not-found");
    }

    static Stream<Arguments> notPreviewTokens() {
        SignedPositions positions = new SignedPositions(HandlerFactory.SYNC_KEY);
        String listCursor = HandlerFactory.cursors().encode(new FeedKey(NOW, "0123456789abcdef"), ArticleQuery.ALL);
        String countCursor = HandlerFactory.countCursors().encode(CountKind.TAG, "politics");
        String syncToken = new SyncTokens(positions).encode(new SyncPosition(true, NOW, NOW, NOW, Optional.empty()), ArticleQuery.ALL);
        String otherKey = new PreviewTokens(new SignedPositions("another-key-of-sixteen-chars-or-more"))
                .encode(new PreviewTokens.Grant("0123456789abcdef", NOW.plus(Duration.ofDays(1))));
        return Stream.of(
                Arguments.of("a list cursor", listCursor),
                Arguments.of("a tags cursor", countCursor),
                Arguments.of("a sync token", syncToken),
                Arguments.of("signed with a key the API does not hold", otherKey),
                Arguments.of("not base64", "%%%.***"),
                Arguments.of("no signature", "eyJrIjoicHJldmlldyJ9"),
                Arguments.of("far too long", "a".repeat(700) + ".b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notPreviewTokens")
    void anythingButAPreviewTokenThisApiSigned_isNotFound(String what, String token) {
        APIGatewayV2HTTPResponse response = getPreview.handleRequest(previewPage(token, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).get("type").asText()).isEqualTo("urn:news-api:problem:preview-not-found");
    }

    @Test
    void anAlteredToken_isNotFound_whereverItWasChanged() {
        String id = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null)).get("id").asText();
        String token = json(createPreview.handleRequest(previewRequest(id, null), null)).get("token").asText();
        int dot = token.indexOf('.');

        for (int at : List.of(0, dot / 2, dot - 1, dot + 1, token.length() - 1)) {
            char changed = token.charAt(at) == 'A' ? 'B' : 'A';
            String altered = token.substring(0, at) + changed + token.substring(at + 1);
            assertThat(getPreview.handleRequest(previewPage(altered, Map.of()), null).getStatusCode()).as("changed at %d", at).isEqualTo(404);
        }
        assertThat(getPreview.handleRequest(previewPage(token.substring(0, token.length() - 2), Map.of()), null).getStatusCode()).isEqualTo(404);
        assertThat(getPreview.handleRequest(previewPage(token, Map.of()), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aLinkSignedWithThePreviousKey_stillWorks_duringARotation_andNotOnceThatKeyIsDropped() {
        String oldKey = HandlerFactory.SYNC_KEY;
        String newKey = "the-new-signing-key-0123456789";
        String id = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null)).get("id").asText();
        String token = json(createPreview.handleRequest(previewRequest(id, null), null)).get("token").asText();

        GetPreviewHandler rotating = new GetPreviewHandler(previews(newKey, oldKey));
        GetPreviewHandler rotated = new GetPreviewHandler(previews(newKey));

        assertThat(rotating.handleRequest(previewPage(token, Map.of()), null).getStatusCode()).isEqualTo(200);
        assertThat(rotated.handleRequest(previewPage(token, Map.of()), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void hostileTitlesAndBodies_areShownAsText_neverAsMarkup() {
        String hostile = """
                {"title": "<script>alert(1)</script>", "summary": "\\"><img src=x onerror=alert(2)>",
                 "body": [{"type": "paragraph", "text": "</p><iframe src=//evil.example></iframe> & 'quotes'"},
                          {"type": "heading", "text": "<style>body{display:none}</style>"}],
                 "author": {"name": "<b onmouseover=alert(3)>Mallory</b>"}}""";
        String id = json(create.handleRequest(write("POST", "/articles", hostile, Map.of()), null)).get("id").asText();
        String token = json(createPreview.handleRequest(previewRequest(id, null), null)).get("token").asText();

        String page = getPreview.handleRequest(previewPage(token, Map.of()), null).getBody();

        assertThat(page).doesNotContain("<script", "<img", "<iframe", "<b ", "</p><", "<style>body{display");
        assertThat(page).contains("<title>Preview: &lt;script&gt;alert(1)&lt;/script&gt;</title>",
                "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
                "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
                "<p>&lt;/p&gt;&lt;iframe src=//evil.example&gt;&lt;/iframe&gt; &amp; &#39;quotes&#39;</p>",
                "<h2>&lt;style&gt;body{display:none}&lt;/style&gt;</h2>",
                "By &lt;b onmouseover=alert(3)&gt;Mallory&lt;/b&gt;");
    }

    static Stream<Arguments> accepts() {
        return Stream.of(
                Arguments.of(null, "text/html; charset=utf-8"),
                Arguments.of("*/*", "text/html; charset=utf-8"),
                Arguments.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html; charset=utf-8"),
                Arguments.of("application/json, text/html", "text/html; charset=utf-8"),
                Arguments.of("application/json", "application/json"),
                Arguments.of("application/json, text/html;q=0.5", "application/json"),
                Arguments.of("application/*, text/*;q=0.2", "application/json"),
                Arguments.of("text/html;q=0, */*", "application/json"),
                Arguments.of("image/png", "text/html; charset=utf-8"));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @MethodSource("accepts")
    void thePage_isHtml_unlessAcceptPrefersJson(String accept, String contentType) {
        String id = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null)).get("id").asText();
        String token = json(createPreview.handleRequest(previewRequest(id, null), null)).get("token").asText();

        APIGatewayV2HTTPResponse response = getPreview.handleRequest(previewPage(token, accept == null ? Map.of() : Map.of("accept", accept)), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", contentType)
                .containsEntry("Cache-Control", "private, no-store").containsEntry("X-Robots-Tag", "noindex");
        if (contentType.equals("application/json")) {
            JsonNode article = json(response);
            assertThat(article.get("id").asText()).isEqualTo(id);
            assertThat(article.get("status").asText()).isEqualTo("draft");
        }
    }

    @Test
    void makingALink_needsATokenOfTheEditorsGroup() {
        String id = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null)).get("id").asText();
        APIGatewayV2HTTPEvent anonymous = previewRequest(id, null);
        anonymous.getRequestContext().setAuthorizer(null);
        APIGatewayV2HTTPEvent reader = previewRequest(id, null);
        reader.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "reader-1", "cognito:groups", "[readers]"));

        assertThat(createPreview.handleRequest(anonymous, null).getStatusCode()).isEqualTo(401);
        assertThat(createPreview.handleRequest(reader, null).getStatusCode()).isEqualTo(403);
    }

    @Test
    void makingALink_forAnArticleThatDoesNotExist_isNotFound() {
        assertThat(createPreview.handleRequest(previewRequest("0123456789abcdef", null), null).getStatusCode()).isEqualTo(404);
        assertThat(createPreview.handleRequest(previewRequest("not-an-id", null), null).getStatusCode()).isEqualTo(404);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"expiresInHours\": 0}", 422, "expiresInHours"),
                Arguments.of("{\"expiresInHours\": 169}", 422, "expiresInHours"),
                Arguments.of("{\"expiresInHours\": -5}", 422, "expiresInHours"),
                Arguments.of("{\"expiresInHours\": 1.5}", 422, "expiresInHours"),
                Arguments.of("{\"expiresInHours\": \"24\"}", 422, "expiresInHours"),
                Arguments.of("{\"expiresInHours\": null}", 422, "expiresInHours"),
                Arguments.of("{\"expiresInHours\": 99999999999}", 422, "expiresInHours"),
                Arguments.of("{\"expiresIn\": 24}", 422, "expiresIn"),
                Arguments.of("{\"expiresInHours\": ", 400, null),
                Arguments.of("[24]", 400, null),
                Arguments.of("   ", 400, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badBodies")
    void makingALink_refusesABadBody_withAProblemNamingTheField(String body, int status, String field) {
        String id = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null)).get("id").asText();

        APIGatewayV2HTTPResponse response = createPreview.handleRequest(previewRequest(id, body), null);

        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        if (field != null) {
            assertThat(json(response).get("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void makingALink_takesTheLongestAllowedLifetime_andAnEmptyObject() {
        String id = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null)).get("id").asText();

        assertThat(json(createPreview.handleRequest(previewRequest(id, "{\"expiresInHours\": 168}"), null)).get("expiresAt").asText())
                .isEqualTo("2026-11-30T10:00:00Z");
        assertThat(json(createPreview.handleRequest(previewRequest(id, "{}"), null)).get("expiresAt").asText())
                .isEqualTo("2026-11-24T10:00:00Z");
    }

    @Test
    void makingALink_refusesABodyThatIsNotJson() {
        String id = json(create.handleRequest(write("POST", "/articles", DRAFT, Map.of()), null)).get("id").asText();
        APIGatewayV2HTTPEvent text = previewRequest(id, "expiresInHours=2");
        text.getHeaders().put("content-type", "text/plain");

        assertThat(createPreview.handleRequest(text, null).getStatusCode()).isEqualTo(415);
    }

    private PreviewService previews(String... keys) {
        return new PreviewService(store, new PreviewTokens(new SignedPositions(List.of(keys))), clock);
    }

    /** As API Gateway sends it for the $default stage of an execute-api domain. */
    private static APIGatewayV2HTTPEvent previewRequest(String id, String body) {
        APIGatewayV2HTTPEvent event = write("POST", "/desk/articles/" + id + "/preview", body, Map.of("x-forwarded-proto", "https"), id);
        event.getRequestContext().setDomainName("abc123.execute-api.eu-west-1.amazonaws.com");
        event.getRequestContext().setStage("$default");
        return event;
    }

    private static APIGatewayV2HTTPEvent previewPage(String token, Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/preview/" + token)
                .withHeaders(new HashMap<>(headers)).withPathParameters(Map.of("token", token)).build();
    }

    private static APIGatewayV2HTTPEvent readerEvent(String id) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/articles/" + id).withPathParameters(Map.of("id", id)).build();
    }

    private static APIGatewayV2HTTPEvent write(String method, String path, String body, Map<String, String> headers, String... id) {
        Map<String, String> allHeaders = new HashMap<>(Map.of("content-type", "application/json"));
        allHeaders.putAll(headers);
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(new HashMap<>(EDITOR)).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path).withHeaders(allHeaders)
                .withPathParameters(id.length == 0 ? null : Map.of("id", id[0]))
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context).build();
    }

    private static JsonNode withoutSource(JsonNode article) {
        ObjectNode copy = (ObjectNode) article.deepCopy();
        copy.remove("source");
        return copy;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody() == null ? "null" : response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}

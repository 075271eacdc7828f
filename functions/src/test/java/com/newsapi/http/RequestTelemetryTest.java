package com.newsapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.model.Article;
import com.newsapi.observe.Cold;
import com.newsapi.observe.Telemetry;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.store.SeedWrites;
import com.newsapi.testing.Articles;
import com.newsapi.testing.Handlers;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The request line and EMF line every HTTP handler prints, driven through real handlers and the local engine. */
class RequestTelemetryTest {

    /** The handlers' clock: it stands still, so no rule here depends on when the test runs. */
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());
    private final List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = handlers(store);
    private final Article story = Articles.published("Kim and Trump", Instant.parse("2025-01-24T20:20:00Z"));

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Telemetry telemetry = new Telemetry(new PrintStream(captured, true, StandardCharsets.UTF_8), "TestNamespace", true);

    RequestTelemetryTest() {
        seeds.putAll(List.of(story), Map.of(story.id(), "seed:story:1"));
    }

    @Test
    void aFoundArticle_printsOneInfoLine_andOneEmfLineCountingTheRequest() {
        APIGatewayV2HTTPEvent request = get(story.id(), Map.of("User-Agent", "okhttp/4.12.0"));

        int status = capture(() -> handlers.getFirst().handleRequest(request, null)).getStatusCode();

        assertThat(status).isEqualTo(200);
        JsonNode line = requestLine();
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("route").asText()).isEqualTo("GET /articles/{id}");
        assertThat(line.get("method").asText()).isEqualTo("GET");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("latencyMs").isNumber()).isTrue();
        assertThat(line.get("article").asText()).isEqualTo(story.id());
        assertThat(line.get("cold").isBoolean()).isTrue();
        assertThat(line.get("apiRequestId").asText()).isEqualTo("api-request-1");
        assertThat(line.get("userAgent").asText()).isEqualTo("okhttp");
        assertThat(line.has("timestamp")).isTrue();
        assertThat(line.has("stackTrace")).isFalse();
        JsonNode emf = emfLine();
        JsonNode metadata = emf.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(metadata.get("Namespace").asText()).isEqualTo("TestNamespace");
        assertThat(metadata.get("Dimensions").toString()).isEqualTo("[[\"Route\"],[]]");
        assertThat(metadata.get("Metrics").findValuesAsText("Name"))
                .containsExactly("Requests", "Latency", "Status4xx", "Status5xx", "Status304", "Status429");
        assertThat(emf.get("_aws").get("Timestamp").isIntegralNumber()).isTrue();
        assertThat(emf.get("Route").asText()).isEqualTo("GET /articles/{id}");
        assertThat(emf.get("Requests").asLong()).isEqualTo(1);
        assertThat(emf.get("Status4xx").asLong()).isZero();
        assertThat(emf.get("Status5xx").asLong()).isZero();
    }

    @Test
    void theTraceHeadersRoot_isLoggedAsTraceId_soALineJoinsItsTrace() {
        String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0;Lineage=a87bd80c:0";

        JsonNode line = withTraceHeader(header, () -> handlers.getFirst().handleRequest(get(story.id(), Map.of()), null));

        assertThat(line.get("traceId").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(line.toString()).doesNotContain("Parent").doesNotContain("Sampled").doesNotContain("Lineage");
    }

    @Test
    void withoutATraceHeader_orWithoutItsRoot_theLineHasNoTraceId() {
        assertThat(withTraceHeader(null, () -> handlers.getFirst().handleRequest(get(story.id(), Map.of()), null))
                .has("traceId")).isFalse();
        assertThat(withTraceHeader("Parent=53995c3f42cd8ad8;Sampled=1", () -> handlers.getFirst().handleRequest(get(story.id(), Map.of()), null))
                .has("traceId")).isFalse();
    }

    @Test
    void traceId_takesOnlyTheRoot_whereverItStands() {
        assertThat(RequestLog.traceId("Root=1-5759e988-bd862e3fe1be46a994272793")).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(RequestLog.traceId("Sampled=1; Root=1-67891233-abcdef012345678912345678 ;Parent=1"))
                .isEqualTo("1-67891233-abcdef012345678912345678");
        assertThat(RequestLog.traceId("Root=")).isNull();
        assertThat(RequestLog.traceId("Root=" + "1".repeat(RequestLog.MAX_TRACE_ID_LENGTH + 1))).isNull();
        assertThat(RequestLog.traceId("")).isNull();
        assertThat(RequestLog.traceId(null)).isNull();
    }

    @Test
    void aMissingArticle_printsAWarnLine_notAnError_andCountsA4xx() {
        APIGatewayV2HTTPEvent request = get("no-such-article", Map.of());

        int status = capture(() -> handlers.getFirst().handleRequest(request, null)).getStatusCode();

        assertThat(status).isEqualTo(404);
        JsonNode line = requestLine();
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("status").asInt()).isEqualTo(404);
        assertThat(line.get("article").asText()).isEqualTo("no-such-article");
        assertThat(line.get("userAgent").asText()).isEqualTo("none");
        assertThat(line.has("stackTrace")).isFalse();
        JsonNode emf = emfLine();
        assertThat(emf.get("Status4xx").asLong()).isEqualTo(1);
        assertThat(emf.get("Status5xx").asLong()).isZero();
        assertThat(lines()).hasSize(2);
    }

    @Test
    void aServerFailure_printsOneErrorLineWithTheStackTrace_andCountsA5xx() {
        ArticleStore broken = new ArticleStore(new DynamoDbClient() {
            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        }, "no-table", Backoff.standard());
        APIGatewayV2HTTPEvent request = get(story.id(), Map.of("User-Agent", "Dart/3.5 (dart:io)"));

        int status = capture(() -> handlers(broken).getFirst().handleRequest(request, null)).getStatusCode();

        assertThat(status).isEqualTo(500);
        List<JsonNode> errors = lines().stream().filter(line -> line.path("level").asText().equals("ERROR")).toList();
        assertThat(errors).hasSize(1);
        JsonNode line = errors.getFirst();
        assertThat(line.get("status").asInt()).isEqualTo(500);
        assertThat(line.get("errorType").asText()).isEqualTo(UnsupportedOperationException.class.getName());
        assertThat(line.get("stackTrace").isArray()).isTrue();
        assertThat(line.get("stackTrace").size()).isGreaterThan(1);
        assertThat(line.get("userAgent").asText()).isEqualTo("dart");
        assertThat(emfLine().get("Status5xx").asLong()).isEqualTo(1);
        assertThat(lines()).hasSize(2);
    }

    @Test
    void noTokenCursorQueryStringOrBody_everAppearsInTheOutput() {
        String bearer = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJlLXNlY3JldA";
        String cursor = "Y3Vyc29yLXNlY3JldC12YWx1ZQ";
        String syncToken = "c3luYy10b2tlbi1zZWNyZXQ";
        String idempotencyKey = "idem-key-secret-4711";
        String body = "{\"title\":\"Body secret headline\",\"summary\":\"Body secret summary\"}";
        Map<String, String> secrets = Map.of("Authorization", "Bearer " + bearer, "Idempotency-Key", idempotencyKey,
                "Content-Type", "application/json", "User-Agent", "Mozilla/5.0 secret-agent-string");

        capture(() -> handlers.get(1).handleRequest(event("GET", "/articles", "GET /articles", Map.of("cursor", cursor, "q", "secretquery"),
                secrets, null, Map.of()), null));
        capture(() -> handlers.get(10).handleRequest(event("GET", "/sync", "GET /sync", Map.of("syncToken", syncToken),
                secrets, null, Map.of()), null));
        capture(() -> handlers.get(10).handleRequest(event("GET", "/sync", "GET /sync", Map.of("cursor", cursor),
                secrets, null, Map.of()), null));
        capture(() -> handlers.get(5).handleRequest(event("POST", "/articles", "POST /articles", Map.of(),
                secrets, body, Map.of()), null));
        capture(() -> handlers.get(7).handleRequest(event("PATCH", "/articles/" + story.id(), "PATCH /articles/{id}", Map.of(),
                secrets, body, Map.of("id", story.id())), null));

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(lines()).hasSize(10);
        assertThat(output).doesNotContain(bearer).doesNotContain("Bearer").doesNotContain(cursor).doesNotContain(syncToken)
                .doesNotContain(idempotencyKey).doesNotContain("secret").doesNotContain("Body secret").doesNotContain("title")
                .doesNotContain("?");
    }

    @Test
    void onlyTheFirstRequestAfterStartOrRestore_isCold() {
        Cold.reset();

        capture(() -> handlers.getFirst().handleRequest(get(story.id(), Map.of()), null));
        capture(() -> handlers.getFirst().handleRequest(get(story.id(), Map.of()), null));

        List<JsonNode> requests = lines().stream().filter(line -> line.has("route")).toList();
        assertThat(requests).extracting(line -> line.get("cold").asBoolean()).containsExactly(true, false);
    }

    @Test
    void withMetricsOff_onlyTheLogLineIsPrinted() {
        Telemetry quiet = new Telemetry(new PrintStream(captured, true, StandardCharsets.UTF_8), "TestNamespace", false);

        Telemetry.using(quiet, () -> handlers.getFirst().handleRequest(get(story.id(), Map.of()), null));

        assertThat(lines()).hasSize(1);
        assertThat(lines().getFirst().has("_aws")).isFalse();
    }

    @Test
    void aSyncPage_countsItsPagesAndTombstones() {
        capture(() -> handlers.get(10).handleRequest(event("GET", "/sync", "GET /sync", Map.of(), Map.of(), null, Map.of()), null));

        JsonNode emf = emfLine();
        assertThat(emf.get("SyncPages").asLong()).isEqualTo(1);
        assertThat(emf.get("SyncTombstones").asLong()).isZero();
        assertThat(requestLine().get("SyncPages").asLong()).isEqualTo(1);
    }

    @Test
    void aSearch_countsTheCandidatesItExamined_andAPlainListCountsNone() {
        capture(() -> handlers.get(1).handleRequest(event("GET", "/articles", "GET /articles", Map.of("q", "kim"), Map.of(), null, Map.of()), null));
        JsonNode search = emfLine();
        captured.reset();

        capture(() -> handlers.get(1).handleRequest(event("GET", "/articles", "GET /articles", Map.of(), Map.of(), null, Map.of()), null));

        assertThat(search.get("SearchCandidates").asLong()).isEqualTo(1);
        assertThat(emfLine().has("SearchCandidates")).isFalse();
    }

    private static List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers(ArticleStore store) {
        return Handlers.every(store, new TestClock(NOW));
    }

    /** One request with the runtime's trace header replaced (never the real property or environment); its line. */
    private JsonNode withTraceHeader(String header, Supplier<APIGatewayV2HTTPResponse> request) {
        Supplier<String> runtime = RequestLog.traceHeader;
        RequestLog.traceHeader = () -> header;
        try {
            capture(request);
        } finally {
            RequestLog.traceHeader = runtime;
        }
        return requestLine();
    }

    private APIGatewayV2HTTPResponse capture(Supplier<APIGatewayV2HTTPResponse> request) {
        return Telemetry.using(telemetry, request);
    }

    private static APIGatewayV2HTTPEvent get(String id, Map<String, String> headers) {
        return event("GET", "/articles/" + id, "GET /articles/{id}", Map.of(), headers, null, Map.of("id", id));
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String routeKey, Map<String, String> query,
                                               Map<String, String> headers, String body, Map<String, String> pathParameters) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "editor-1", "cognito:groups", "[editors]")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("api-request-1")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .build();
        StringBuilder raw = new StringBuilder();
        query.forEach((name, value) -> raw.append(raw.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString(raw.toString()).withQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query))
                .withPathParameters(pathParameters.isEmpty() ? null : new HashMap<>(pathParameters))
                .withHeaders(new HashMap<>(headers)).withBody(body).withRequestContext(context).build();
    }

    private List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!text.isBlank()) {
                try {
                    lines.add(Json.mapper().readTree(text));
                } catch (Exception e) {
                    throw new AssertionError("not one JSON object per line: " + text, e);
                }
            }
        }
        return lines;
    }

    private JsonNode requestLine() {
        return lines().stream().filter(line -> line.has("route")).reduce((first, second) -> second).orElseThrow();
    }

    private JsonNode emfLine() {
        return lines().stream().filter(line -> line.has("_aws")).reduce((first, second) -> second).orElseThrow();
    }
}

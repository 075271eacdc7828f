package com.newsapi.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.DynamoClients;
import com.newsapi.engine.DynamoEngine;
import com.newsapi.engine.EngineProcess;
import com.newsapi.codec.Json;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.Handlers;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The database engine's process really killed in the middle of a create (after the search postings,
 * before the article's transaction), then started again on the same database file: the client got a
 * clean 503, and the table holds no half-written article — lists, search, counts and the slug agree.
 */
class DatabaseStoppedTest {

    /** The handlers' clock: it stands still, so no rule here depends on when the test runs. */
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void theDatabaseStoppingMidCreate_givesA503_andLeavesEveryViewConsistent() throws Exception {
        Assumptions.assumeTrue(DynamoEngine.external(System.getenv()).isEmpty(),
                "DYNAMODB_ENDPOINT names an engine this test cannot kill and restart");
        Path files = Files.createTempDirectory("dynamodb-stopped");
        EngineProcess engine = EngineProcess.start("127.0.0.1", 0, Optional.of(files.resolve("articles.db")));
        boolean[] killed = {false};
        ExecutionInterceptor stopBeforeTheArticle = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest && !killed[0]) {
                    engine.kill();
                    killed[0] = true;
                }
            }
        };
        int port = engine.port();
        DynamoDbClient dynamo = client(port, stopBeforeTheArticle);
        String table = TestDatabase.newTable(dynamo);
        var handlers = handlers(dynamo, table);

        APIGatewayV2HTTPResponse created = handlers.get(5).handleRequest(createEvent(), null);

        assertThat(created.getStatusCode()).isEqualTo(503);
        assertThat(created.getHeaders()).containsEntry("Retry-After", "2");
        assertThat(killed[0]).isTrue();
        engine.restart();
        try {
            DynamoDbClient healthy = client(port);
            var after = handlers(healthy, table);
            assertThat(items(after.get(1).handleRequest(Handlers.event("x", Map.of(), Map.of(), null, false, false), null))).isZero();
            assertThat(items(after.get(1).handleRequest(Handlers.event("x", Map.of("q", "lighthouse"), Map.of(), null, false, false), null))).isZero();
            assertThat(items(after.get(2).handleRequest(Handlers.event("x", Map.of(), Map.of(), null, false, false), null))).isZero();
            assertThat(new ArticleStore(healthy, table, Backoff.standard()).slugOwners(List.of("lighthouse-keeper"))).isEmpty();
            assertThat(healthy.scan(scan -> scan.tableName(table)).items())
                    .as("what was written before the kill is still in the database file")
                    .isNotEmpty();
            assertThat(healthy.scan(scan -> scan.tableName(table)).items())
                    .as("only search postings, written ahead of the article, may remain (readers check them against articles); "
                            + "tag and author counters are written in the article's own transaction")
                    .allSatisfy(item -> assertThat(item.get("pk").s()).matches("TERM#.*"));
        } finally {
            engine.close();
        }
    }

    private static List<com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers(
            DynamoDbClient dynamo, String table) {
        ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
        return Handlers.every(store, new TestClock(NOW));
    }

    private static APIGatewayV2HTTPEvent createEvent() {
        APIGatewayV2HTTPEvent event = Handlers.event("x", Map.of(), new HashMap<>(Map.of("content-type", "application/json")),
                "{\"title\":\"Lighthouse keeper\",\"status\":\"published\",\"tags\":[\"coast\"],"
                        + "\"body\":[{\"type\":\"paragraph\",\"text\":\"The lighthouse keeper retires.\"}]}", false, true);
        event.setPathParameters(null);
        return event;
    }

    private static int items(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody()).get("items").size();
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private static DynamoDbClient client(int port, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(DynamoClients.overrides().executionInterceptors(List.of(interceptors)).build())
                .build();
    }
}

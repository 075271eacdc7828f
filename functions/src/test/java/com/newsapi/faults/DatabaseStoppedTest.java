package com.newsapi.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.DynamoClients;
import com.newsapi.handler.HandlerFactory;
import com.newsapi.http.Json;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.service.SyncService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.DynamoDbLocal;
import com.newsapi.testing.Handlers;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * DynamoDB Local really stopped in the middle of a create (after the search postings, before the
 * article's transaction), then started again on the same files: the client got a clean 503, and the
 * table holds no half-written article — lists, search, counts and the slug agree.
 */
class DatabaseStoppedTest {

    @Test
    void theDatabaseStoppingMidCreate_givesA503_andLeavesEveryViewConsistent() throws Exception {
        Path files = Files.createTempDirectory("dynamodb-stopped");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] args = {"-sharedDb", "-dbPath", files.toString(), "-disableTelemetry", "-port", Integer.toString(port)};
        DynamoDBProxyServer[] server = {ServerRunner.createServerFromCommandLineArgs(args)};
        server[0].start();
        ExecutionInterceptor stopBeforeTheArticle = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                SdkRequest request = context.request();
                if (request instanceof TransactWriteItemsRequest && server[0] != null) {
                    try {
                        server[0].stop();
                        server[0] = null;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        DynamoDbClient dynamo = client(port, stopBeforeTheArticle);
        String table = DynamoDbLocal.newTable(dynamo);
        var handlers = handlers(dynamo, table);

        APIGatewayV2HTTPResponse created = handlers.get(5).handleRequest(createEvent(), null);

        assertThat(created.getStatusCode()).isEqualTo(503);
        assertThat(created.getHeaders()).containsEntry("Retry-After", "2");
        server[0] = ServerRunner.createServerFromCommandLineArgs(args);
        server[0].start();
        try {
            DynamoDbClient healthy = client(port);
            var after = handlers(healthy, table);
            assertThat(items(after.get(1).handleRequest(Handlers.event("x", Map.of(), Map.of(), null, false, false), null))).isZero();
            assertThat(items(after.get(1).handleRequest(Handlers.event("x", Map.of("q", "lighthouse"), Map.of(), null, false, false), null))).isZero();
            assertThat(items(after.get(2).handleRequest(Handlers.event("x", Map.of(), Map.of(), null, false, false), null))).isZero();
            assertThat(new ArticleStore(healthy, table, Backoff.standard()).slugOwners(List.of("lighthouse-keeper"))).isEmpty();
            assertThat(healthy.scan(scan -> scan.tableName(table)).items())
                    .as("only entries written ahead of the article (search postings, tag and author names) may remain; "
                            + "readers check postings against articles and list only names with articles")
                    .allSatisfy(item -> assertThat(item.get("pk").s()).matches("TERM#.*|TAGS|AUTHORS"));
        } finally {
            server[0].stop();
        }
    }

    private static List<com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers(
            DynamoDbClient dynamo, String table) {
        ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
        return HandlerFactory.every(new ArticleService(store, Clock.systemUTC()), new EditorService(store, Clock.systemUTC()),
                new SyncService(store, Clock.systemUTC()));
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

package com.newsapi.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.newsapi.config.DynamoClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A real DynamoDB Local server on loopback, one per test JVM, started on first use. Each test
 * gets a fresh table with the same keys and indexes as template.yaml's ArticlesTable (the local
 * module's tests check the template itself).
 */
public final class DynamoDbLocal {

    private static final URI ENDPOINT = start();

    private DynamoDbLocal() {
    }

    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(ENDPOINT)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(DynamoClients.overrides().executionInterceptors(List.of(interceptors)).build())
                .build();
    }

    /** Creates an empty table shaped like ArticlesTable and returns its name. */
    public static String newTable(DynamoDbClient client) {
        String name = "articles-" + UUID.randomUUID();
        client.createTable(create -> create
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Stream.of("pk", "sk", "feedShard", "feedKey", "authorKey",
                        "tagKey1", "tagKey2", "tagKey3", "tagKey4", "tagKey5", "changeShard", "changeKey").map(DynamoDbLocal::attribute).toList())
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(index("feed", "feedShard"), index("byAuthor", "authorKey"),
                        index("byTag1", "tagKey1"), index("byTag2", "tagKey2"), index("byTag3", "tagKey3"),
                        index("byTag4", "tagKey4"), index("byTag5", "tagKey5"),
                        GlobalSecondaryIndex.builder().indexName("changes")
                                .keySchema(key("changeShard", KeyType.HASH), key("changeKey", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        return name;
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key("feedKey", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static URI start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            int port = probe.getLocalPort();
            probe.close();
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
            return URI.create("http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }
}

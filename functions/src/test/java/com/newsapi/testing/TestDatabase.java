package com.newsapi.testing;

import com.newsapi.config.DynamoClients;
import com.newsapi.engine.DynamoEngine;
import com.newsapi.store.ArticleStore;
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
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The database tests run against: one real engine server on loopback per test JVM, started on first
 * use (Dynoxide, or the endpoint {@code DYNAMODB_ENDPOINT} names). Each test gets a fresh table with
 * the same keys and indexes as template.yaml's ArticlesTable (the local module's tests check the
 * template itself).
 */
public final class TestDatabase {

    private static final DynamoEngine ENGINE = DynamoEngine.start("127.0.0.1", 0);

    private TestDatabase() {
    }

    public static URI endpoint() {
        return ENGINE.endpoint();
    }

    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(DynamoClients.overrides().executionInterceptors(List.of(interceptors)).build())
                .build();
    }

    /** Creates an empty table shaped like ArticlesTable and returns its name. */
    public static String newTable(DynamoDbClient client) {
        return newTable(client, false);
    }

    /** As {@link #newTable(DynamoDbClient)}; with {@code projectAll}, every index projects ALL (as tables made before the list projections). */
    public static String newTable(DynamoDbClient client, boolean projectAll) {
        String name = "articles-" + UUID.randomUUID();
        try {
            createTable(client, name, projectAll);
        } catch (ResourceInUseException ownRetry) {
            // The name is new, so only our own first attempt can hold it: under load a CreateTable can
            // outlast the client's attempt timeout, the engine completes it, and the SDK's retry finds it.
        }
        return name;
    }

    private static void createTable(DynamoDbClient client, String name, boolean projectAll) {
        client.createTable(create -> create
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Stream.of("pk", "sk", "feedShard", "feedKey", "authorKey",
                        "tagKey1", "tagKey2", "tagKey3", "tagKey4", "tagKey5", "changeShard", "changeKey",
                        "status", "updatedAt").map(TestDatabase::attribute).toList())
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(index("feed", "feedShard", projectAll), index("byAuthor", "authorKey", projectAll),
                        index("byTag1", "tagKey1", projectAll), index("byTag2", "tagKey2", projectAll),
                        index("byTag3", "tagKey3", projectAll), index("byTag4", "tagKey4", projectAll),
                        index("byTag5", "tagKey5", projectAll),
                        GlobalSecondaryIndex.builder().indexName("desk")
                                .keySchema(key("status", KeyType.HASH), key("updatedAt", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes(ArticleStore.DESK_ATTRIBUTES).build()).build(),
                        GlobalSecondaryIndex.builder().indexName("changes")
                                .keySchema(key("changeShard", KeyType.HASH), key("changeKey", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    /** A list index: projects the listed attributes only, as template.yaml's do. */
    private static GlobalSecondaryIndex index(String name, String partitionKey, boolean projectAll) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key("feedKey", KeyType.RANGE))
                .projection(projectAll ? Projection.builder().projectionType(ProjectionType.ALL).build()
                        : Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(ArticleStore.LISTED_ATTRIBUTES).build())
                .build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}

package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What `sam local` relies on: a container signs with its own access key and region, yet must find
 * the table the local API created. The engine keeps one database for every key and region.
 */
class LocalDatabaseTest {

    @Test
    void aTableCreatedWithOneKeyAndRegion_isSeenWithAnother() {
        try (LocalDatabase database = LocalDatabase.start("127.0.0.1", 0);
             DynamoDbClient local = database.client();
             DynamoDbClient container = client(database, "AKIACONTAINER", Region.EU_WEST_1)) {
            local.createTable(create -> create.tableName("shared-table")
                    .attributeDefinitions(definition -> definition.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(key -> key.attributeName("pk").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST));

            assertThat(container.listTables().tableNames()).contains("shared-table");
        }
    }

    private static DynamoDbClient client(LocalDatabase database, String accessKey, Region region) {
        return DynamoDbClient.builder().endpointOverride(database.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}

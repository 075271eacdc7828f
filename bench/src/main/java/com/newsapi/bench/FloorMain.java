package com.newsapi.bench;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The cold-start floor: a fresh JVM that does one raw GetItem and prints it. */
public final class FloorMain {

    private FloorMain() {
    }

    public static void main(String[] args) {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getProperty("DYNAMODB_ENDPOINT")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        // The key written out, not from store/TableKeys: a baseline loads none of the project's classes.
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(System.getProperty("TABLE_NAME"))
                .key(Map.of("pk", AttributeValue.fromS("ARTICLE#" + args[0]), "sk", AttributeValue.fromS("ARTICLE")))).item();
        System.out.println(item.get("title").s());
    }
}

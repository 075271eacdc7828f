package com.newsapi.bench;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.crt.CRT;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * FloorMain with the SDK's HTTP client chosen by name: a fresh JVM that does one raw GetItem, prints
 * it and the wall-clock time it got it. Each client is built with its defaults; only the branch that
 * runs loads its classes.
 *
 * <p>{@code check-crt} instead loads aws-crt's native library and prints what it loaded, or fails.
 */
public final class ClientFloorMain {

    private ClientFloorMain() {
    }

    /** {@code args}: url-connection | apache | aws-crt, then the article id; or check-crt. */
    public static void main(String[] args) throws Exception {
        if ("check-crt".equals(args[0])) {
            CRT.checkLoaded();
            System.out.printf("aws-crt native library loaded: platform %s-%s, C runtime %s, library %s%n",
                    CRT.getOSIdentifier(), CRT.getArchIdentifier(), CRT.getCRuntime(CRT.getOSIdentifier()), CRT.CRT_LIB_NAME);
            return;
        }
        SdkHttpClient http = switch (args[0]) {
            case "url-connection" -> UrlConnectionHttpClient.create();
            case "apache" -> ApacheHttpClient.create();
            case "aws-crt" -> AwsCrtHttpClient.create();
            default -> throw new IllegalArgumentException("unknown HTTP client " + args[0]);
        };
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getProperty("DYNAMODB_ENDPOINT")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(http)
                .build();
        // The key written out, not from store/TableKeys: a baseline loads none of the project's classes.
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(System.getProperty("TABLE_NAME"))
                .key(Map.of("pk", AttributeValue.fromS("ARTICLE#" + args[1]), "sk", AttributeValue.fromS("ARTICLE")))).item();
        System.out.println(item.get("title").s());
        // For the time to the answer: a JVM with aws-crt then takes over a second more to exit (it waits
        // for the CRT's native threads), which a Lambda container, kept alive between events, never pays.
        System.out.println("answered-at-ms " + System.currentTimeMillis());
    }
}

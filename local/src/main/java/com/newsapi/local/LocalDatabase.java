package com.newsapi.local;

import com.newsapi.engine.DynamoEngine;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local API's database: the local engine (Dynoxide, in memory) on {@code host}, or the endpoint
 * {@code DYNAMODB_ENDPOINT} names, with SDK clients for it. Dynoxide keeps one database whatever the
 * access key and region (checked in LocalDatabaseTest), so `sam local` containers, which sign with
 * their own, see the same table.
 */
public final class LocalDatabase implements AutoCloseable {

    private final DynamoEngine engine;

    private LocalDatabase(DynamoEngine engine) {
        this.engine = engine;
    }

    /**
     * Starts on {@code host} (loopback; for `sam local` the Docker bridge's address, never every
     * interface) and {@code port} (0: a free one).
     */
    public static LocalDatabase start(String host, int port) {
        return new LocalDatabase(DynamoEngine.start(host, port));
    }

    public URI endpoint() {
        return engine.endpoint();
    }

    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public DynamoDbStreamsClient streamsClient() {
        return DynamoDbStreamsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        engine.close();
    }
}

package com.newsapi.config;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the DynamoDB client, once per container, with every choice made explicitly. */
public final class DynamoClients {

    private DynamoClients() {
    }

    /** A client with its own credentials provider (tools and tests; functions share one, see {@link Dependencies}). */
    public static DynamoDbClient create(Config config) {
        return create(config, CredentialsProviders.create(config));
    }

    public static DynamoDbClient create(Config config, AwsCredentialsProvider credentials) {
        return AwsClients.build(DynamoDbClient.builder(), config, credentials, config.dynamoDbEndpoint());
    }

    /** url-connection: no extra threads or native code, the quickest client to start (bench/). */
    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Retries and time limits, chosen so that a failing DynamoDB becomes a 503 well inside the
     * function's 15 s timeout: the SDK's standard strategy with at most 3 attempts, 8 s for a
     * whole call. Tests build their clients with the same settings.
     */
    public static ClientOverrideConfiguration.Builder overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .apiCallTimeout(Duration.ofSeconds(8))
                .apiCallAttemptTimeout(Duration.ofSeconds(3));
    }

    static final int MAX_ATTEMPTS = 3;
}

package com.newsapi.config;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the DynamoDB client, once per container, with every choice made explicitly. */
public final class DynamoClients {

    private DynamoClients() {
    }

    public static DynamoDbClient create(Config config) {
        var builder = DynamoDbClient.builder()
                // url-connection: no extra threads or native code, the quickest client to start (bench/).
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .overrideConfiguration(overrides().build());
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
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

    /**
     * Lambda puts the function's credentials in the environment; reading only that skips the
     * default chain's profile-file and metadata look-ups. DynamoDB Local accepts any key, so a local
     * endpoint without credentials in the environment gets a fixed dummy pair.
     */
    private static AwsCredentialsProvider credentials(Config config) {
        boolean inEnvironment = System.getenv("AWS_ACCESS_KEY_ID") != null || System.getProperty("aws.accessKeyId") != null;
        if (config.dynamoDbEndpoint().isPresent() && !inEnvironment) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return EnvironmentVariableCredentialsProvider.create();
    }
}

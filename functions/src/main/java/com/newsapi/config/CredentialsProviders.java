package com.newsapi.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The one credentials provider every client of a container signs with (DynamoDB, Parameter Store,
 * the EventBridge sink): built once per container, with the clients.
 *
 * <p>Lambda gives a function its role's credentials in one of two ways: as access keys in the
 * environment, or, for SnapStart functions, as a container credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}),
 * whose credentials the SDK caches and fetches again before they expire. Only these two are tried:
 * the SDK's default chain would also look for profile files and ask the instance metadata service,
 * which costs cold-start time and finds nothing on Lambda.
 */
public final class CredentialsProviders {

    /** What a local DynamoDB engine accepts: it checks no signature. */
    static final AwsBasicCredentials LOCAL = AwsBasicCredentials.create("local", "local");

    private CredentialsProviders() {
    }

    /**
     * Environment keys, else container credentials; a local run (a DynamoDB endpoint set, no
     * credentials in the environment) gets the fixed pair {@code local/local} instead.
     */
    public static AwsCredentialsProvider create(Config config) {
        if (config.dynamoDbEndpoint().isPresent() && !config.credentialsInEnvironment()) {
            return StaticCredentialsProvider.create(LOCAL);
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.builder().build())
                .build();
    }
}

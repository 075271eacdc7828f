package com.newsapi.config;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Builds the Parameter Store client the way {@link DynamoClients} builds DynamoDB's: every choice explicit. */
public final class SsmClients {

    private SsmClients() {
    }

    public static SsmClient create(Config config, AwsCredentialsProvider credentials) {
        return AwsClients.build(SsmClient.builder(), config, credentials, config.ssmEndpoint());
    }
}

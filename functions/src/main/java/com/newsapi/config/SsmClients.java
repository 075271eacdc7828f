package com.newsapi.config;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Builds the Parameter Store client the way {@link DynamoClients} builds DynamoDB's: every choice explicit. */
public final class SsmClients {

    private SsmClients() {
    }

    public static SsmClient create(Config config, AwsCredentialsProvider credentials) {
        var builder = SsmClient.builder()
                .httpClient(DynamoClients.httpClient())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(DynamoClients.overrides().build());
        config.ssmEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

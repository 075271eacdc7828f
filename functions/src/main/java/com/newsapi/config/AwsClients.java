package com.newsapi.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * The one way every SDK client here is built (DynamoDB, Parameter Store, EventBridge, CloudFront): the
 * url-connection HTTP client, an explicit region, the given credentials provider, the shared retry
 * strategy and time limits ({@link DynamoClients#overrides()}), and an endpoint override for local runs.
 */
final class AwsClients {

    private AwsClients() {
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, Config config, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        builder.httpClient(DynamoClients.httpClient())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(DynamoClients.overrides().build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

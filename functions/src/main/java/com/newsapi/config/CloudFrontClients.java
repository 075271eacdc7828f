package com.newsapi.config;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Builds the change publisher's CloudFront client the way {@link DynamoClients} builds DynamoDB's.
 * CloudFront's API is global: the SDK resolves any region of the partition to its one endpoint and
 * signs for us-east-1, so the function's own region will do.
 */
public final class CloudFrontClients {

    private CloudFrontClients() {
    }

    /** The global endpoint, unless {@link Config#cloudFrontEndpoint()} names another (a stand-in). */
    public static CloudFrontClient create(Config config, AwsCredentialsProvider credentials) {
        return AwsClients.build(CloudFrontClient.builder(), config, credentials, config.cloudFrontEndpoint());
    }
}

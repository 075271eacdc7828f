package com.newsapi.config;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Builds the change publisher's EventBridge client the way {@link DynamoClients} builds DynamoDB's:
 * the url-connection HTTP client, an explicit region and credentials provider, the same retry
 * strategy (throttling and 5xx answers of a whole call retried, at most 3 attempts) and time limits.
 */
public final class EventBridgeClients {

    private EventBridgeClients() {
    }

    /** The regional endpoint, unless {@link Config#eventBridgeEndpoint()} names another (a stand-in). */
    public static EventBridgeClient create(Config config, AwsCredentialsProvider credentials) {
        return AwsClients.build(EventBridgeClient.builder(), config, credentials, config.eventBridgeEndpoint());
    }
}

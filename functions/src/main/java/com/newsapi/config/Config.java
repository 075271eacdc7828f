package com.newsapi.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Settings of every function, read in one place from the environment.
 *
 * <p>Lambda and {@code sam local} set environment variables. The Docker-free local API runs the
 * handlers inside its own JVM, where the environment cannot be changed, so a JVM system property of
 * the same name wins over the environment variable.
 *
 * @param tableName              the DynamoDB table
 * @param dynamoDbEndpoint       empty for the regional endpoint; set for a local DynamoDB engine
 * @param region                 the AWS region (any value works against a local engine)
 * @param eventBridgeEndpoint    empty for the regional endpoint; set to point the change publisher at a stand-in
 * @param ssmEndpoint            empty for the regional endpoint; set to read Parameter Store from a stand-in
 * @param credentialsInEnvironment whether the process environment carries AWS credentials: access keys, or the
 *                               container credentials endpoint Lambda gives SnapStart functions
 */
public record Config(String tableName, Optional<URI> dynamoDbEndpoint, String region,
                     Optional<URI> eventBridgeEndpoint, Optional<URI> ssmEndpoint, boolean credentialsInEnvironment) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String AWS_REGION = "AWS_REGION";
    static final String DEFAULT_REGION = "us-east-1";

    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";
    public static final String EVENTBRIDGE_ENDPOINT = "EVENTBRIDGE_ENDPOINT";
    public static final String SSM_ENDPOINT = "SSM_ENDPOINT";
    /** The change publisher's CDN: the CloudFront distribution it invalidates (unset or empty: no CDN). */
    public static final String CDN_DISTRIBUTION_ID = "CDN_DISTRIBUTION_ID";
    /** Empty for CloudFront's global endpoint; set to point the change publisher at a stand-in. */
    public static final String CLOUDFRONT_ENDPOINT = "CLOUDFRONT_ENDPOINT";

    /** Where Lambda puts credentials: keys without SnapStart, a container credentials endpoint with it. */
    static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String AWS_CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

    /** Settings of DynamoDB alone (tools and tests); the other endpoints regional, credentials as the environment has them. */
    public Config(String tableName, Optional<URI> dynamoDbEndpoint, String region) {
        this(tableName, dynamoDbEndpoint, region, Optional.empty(), Optional.empty(), credentialsIn(System.getenv()));
    }

    /** One required setting that only some functions have (the change publisher's bus name, say). */
    public static String required(String name) {
        return optional(name).orElseThrow(() ->
                new IllegalStateException("Missing configuration: environment variable " + name + " is not set"));
    }

    /** One setting that only some functions have; empty when unset or blank. */
    public static Optional<String> optional(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Reads the process environment, overlaid by system properties of the same names. */
    public static Config load() {
        return from(System.getenv(), System.getProperties()::getProperty);
    }

    static Config from(Map<String, String> environment, UnaryOperator<String> overrides) {
        Function<String, String> read = name -> {
            String override = overrides.apply(name);
            return override != null ? override : environment.get(name);
        };
        String table = read.apply(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("Missing configuration: environment variable " + TABLE_NAME + " is not set");
        }
        String region = read.apply(AWS_REGION);
        return new Config(
                table,
                uri(read.apply(DYNAMODB_ENDPOINT)),
                region == null || region.isBlank() ? DEFAULT_REGION : region,
                uri(read.apply(EVENTBRIDGE_ENDPOINT)),
                uri(read.apply(SSM_ENDPOINT)),
                credentialsIn(environment));
    }

    /** The environment alone: the SDK's providers read credentials from there, not from system properties. */
    static boolean credentialsIn(Map<String, String> environment) {
        return set(environment.get(AWS_ACCESS_KEY_ID))
                || set(environment.get(AWS_CONTAINER_CREDENTIALS_FULL_URI))
                || set(environment.get(AWS_CONTAINER_CREDENTIALS_RELATIVE_URI));
    }

    private static Optional<URI> uri(String value) {
        return set(value) ? Optional.of(URI.create(value.trim())) : Optional.empty();
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}

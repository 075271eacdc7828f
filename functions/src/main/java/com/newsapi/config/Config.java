package com.newsapi.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of every function, read in one place from the environment.
 *
 * <p>Lambda and {@code sam local} set environment variables. The Docker-free local API runs the
 * handlers inside its own JVM, where the environment cannot be changed, so a JVM system property of
 * the same name wins over the environment variable.
 *
 * @param tableName        the DynamoDB table
 * @param dynamoDbEndpoint empty for the regional endpoint; set for DynamoDB Local
 * @param region           the AWS region (any value works against DynamoDB Local)
 */
public record Config(String tableName, Optional<URI> dynamoDbEndpoint, String region) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String AWS_REGION = "AWS_REGION";
    static final String DEFAULT_REGION = "us-east-1";

    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";

    /** One required setting that only some functions have (the change publisher's bus name, say). */
    public static String required(String name) {
        String value = System.getProperty(name, System.getenv(name));
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing configuration: environment variable " + name + " is not set");
        }
        return value;
    }

    /** Reads the process environment, overlaid by system properties of the same names. */
    public static Config load() {
        return from(System.getenv(), System.getProperties()::getProperty);
    }

    static Config from(Map<String, String> environment, java.util.function.UnaryOperator<String> overrides) {
        java.util.function.Function<String, String> read = name -> {
            String override = overrides.apply(name);
            return override != null ? override : environment.get(name);
        };
        String table = read.apply(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("Missing configuration: environment variable " + TABLE_NAME + " is not set");
        }
        String endpoint = read.apply(DYNAMODB_ENDPOINT);
        String region = read.apply(AWS_REGION);
        return new Config(
                table,
                endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim())),
                region == null || region.isBlank() ? DEFAULT_REGION : region);
    }
}

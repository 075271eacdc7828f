package com.newsapi.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of every function, read from one environment map: the process environment on Lambda
 * and under {@code sam local} ({@link #fromProcess()}), a map of its own in the
 * local API and in tests. Nothing else reads the environment or system properties for settings.
 *
 * <p>Each function has only the variables it needs (template.yaml), so a setting only some functions
 * have is optional here, and one a function needs fails when its factory asks for it, at init,
 * naming the variable ({@link #required}). Blank counts as unset: the template declares some
 * variables empty so that {@code sam local --env-vars} may fill them.
 *
 * @param settings the environment's non-blank values, by variable name
 */
public record Config(Map<String, String> settings) {

    // The table and its client (every function has these; template.yaml, Globals).
    public static final String TABLE_NAME = "TABLE_NAME";
    /** Empty for the regional endpoint; set for a local DynamoDB engine. */
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    /** The AWS region; unset only off Lambda, where any value works against a local engine. */
    public static final String AWS_REGION = "AWS_REGION";
    static final String DEFAULT_REGION = "us-east-1";

    // The change publisher.
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";
    /** Empty for the regional endpoint; set to point the change publisher at a stand-in. */
    public static final String EVENTBRIDGE_ENDPOINT = "EVENTBRIDGE_ENDPOINT";
    /** The change publisher's CDN: the CloudFront distribution it invalidates (unset or empty: no CDN). */
    public static final String CDN_DISTRIBUTION_ID = "CDN_DISTRIBUTION_ID";
    /** Empty for CloudFront's global endpoint; set to point the change publisher at a stand-in. */
    public static final String CLOUDFRONT_ENDPOINT = "CLOUDFRONT_ENDPOINT";

    // Parameter Store: the cursor signing keys and the desk's sign-in settings.
    /** Empty for the regional endpoint; set to read Parameter Store from a stand-in. */
    public static final String SSM_ENDPOINT = "SSM_ENDPOINT";
    /** The signing keys themselves (local runs); see {@link SyncKeys}. */
    public static final String SYNC_TOKEN_KEY = "SYNC_TOKEN_KEY";
    /** The SecureString parameter holding the signing keys (on AWS). */
    public static final String SYNC_TOKEN_KEY_PARAMETER = "SYNC_TOKEN_KEY_PARAMETER";
    public static final String DESK_AUTHORIZE_URL = "DESK_AUTHORIZE_URL";
    public static final String DESK_TOKEN_URL = "DESK_TOKEN_URL";
    public static final String DESK_LOGOUT_URL = "DESK_LOGOUT_URL";
    /** Set locally; on AWS the client id and API URL come from the parameter below (see {@link DeskSettings}). */
    public static final String DESK_CLIENT_ID = "DESK_CLIENT_ID";
    public static final String DESK_API_URL = "DESK_API_URL";
    public static final String DESK_SETTINGS_PARAMETER = "DESK_SETTINGS_PARAMETER";

    // Telemetry (observe/Telemetry).
    /** The EMF namespace (default {@value #DEFAULT_METRICS_NAMESPACE}). */
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";
    static final String DEFAULT_METRICS_NAMESPACE = "NewsApi";
    /** {@code on}/{@code off}: print or suppress EMF lines; unset, on inside Lambda only. */
    public static final String METRICS = "METRICS";
    /** Set by Lambda in every function: tells Lambda from the local API and tests. */
    public static final String AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

    /** Where Lambda puts credentials: keys without SnapStart, a container credentials endpoint with it. */
    static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String AWS_CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

    /** Every name above: the only variables kept (an environment also holds secrets this has no use for). */
    static final Set<String> NAMES = Set.of(TABLE_NAME, DYNAMODB_ENDPOINT, AWS_REGION, EVENT_BUS_NAME, EVENTBRIDGE_ENDPOINT,
            CDN_DISTRIBUTION_ID, CLOUDFRONT_ENDPOINT, SSM_ENDPOINT, SYNC_TOKEN_KEY, SYNC_TOKEN_KEY_PARAMETER,
            DESK_AUTHORIZE_URL, DESK_TOKEN_URL, DESK_LOGOUT_URL, DESK_CLIENT_ID, DESK_API_URL, DESK_SETTINGS_PARAMETER,
            METRICS_NAMESPACE, METRICS, AWS_LAMBDA_FUNCTION_NAME,
            AWS_ACCESS_KEY_ID, AWS_CONTAINER_CREDENTIALS_FULL_URI, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);

    /** Keeps the named settings that are set: unknown names dropped, blank values counted as unset. */
    public Config {
        Map<String, String> known = new HashMap<>();
        for (String name : NAMES) {
            String value = settings.get(name);
            if (value != null && !value.isBlank()) {
                known.put(name, value);
            }
        }
        settings = Map.copyOf(known);
    }

    /** The one reader: the settings of an environment map. */
    public static Config from(Map<String, String> environment) {
        return new Config(environment);
    }

    /** This process's environment: the settings of a Lambda function (or of {@code sam local}'s container). */
    public static Config fromProcess() {
        return from(System.getenv());
    }

    /** Settings of DynamoDB alone (tools and tests): a table, maybe a local engine, a region; no credentials in sight. */
    public Config(String tableName, Optional<URI> dynamoDbEndpoint, String region) {
        this(dynamoDb(tableName, dynamoDbEndpoint, region));
    }

    private static Map<String, String> dynamoDb(String tableName, Optional<URI> dynamoDbEndpoint, String region) {
        Map<String, String> settings = new HashMap<>(Map.of(TABLE_NAME, tableName, AWS_REGION, region));
        dynamoDbEndpoint.ifPresent(endpoint -> settings.put(DYNAMODB_ENDPOINT, endpoint.toString()));
        return settings;
    }

    public String tableName() {
        return required(TABLE_NAME);
    }

    public String region() {
        return optional(AWS_REGION).orElse(DEFAULT_REGION);
    }

    public Optional<URI> dynamoDbEndpoint() {
        return uri(DYNAMODB_ENDPOINT);
    }

    public Optional<URI> eventBridgeEndpoint() {
        return uri(EVENTBRIDGE_ENDPOINT);
    }

    public Optional<URI> ssmEndpoint() {
        return uri(SSM_ENDPOINT);
    }

    public Optional<URI> cloudFrontEndpoint() {
        return uri(CLOUDFRONT_ENDPOINT);
    }

    public String eventBusName() {
        return required(EVENT_BUS_NAME);
    }

    public Optional<String> cdnDistributionId() {
        return optional(CDN_DISTRIBUTION_ID);
    }

    public String metricsNamespace() {
        return optional(METRICS_NAMESPACE).orElse(DEFAULT_METRICS_NAMESPACE);
    }

    public Optional<String> metrics() {
        return optional(METRICS);
    }

    public boolean inLambda() {
        return optional(AWS_LAMBDA_FUNCTION_NAME).isPresent();
    }

    /**
     * Whether the environment carries AWS credentials: access keys, or the container credentials
     * endpoint Lambda gives SnapStart functions (the SDK's providers read them from there).
     */
    public boolean credentialsInEnvironment() {
        return optional(AWS_ACCESS_KEY_ID).isPresent()
                || optional(AWS_CONTAINER_CREDENTIALS_FULL_URI).isPresent()
                || optional(AWS_CONTAINER_CREDENTIALS_RELATIVE_URI).isPresent();
    }

    /** One setting by its constant's name; empty when unset or blank. */
    Optional<String> optional(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** One setting a function needs: fails, naming the variable, when unset or blank. */
    String required(String name) {
        return optional(name).orElseThrow(() -> missing(name));
    }

    /** The init failure for a required setting that is unset or blank, naming its variable. */
    static IllegalStateException missing(String name) {
        return new IllegalStateException("Missing configuration: environment variable " + name + " is not set");
    }

    private Optional<URI> uri(String name) {
        return optional(name).map(value -> URI.create(value.trim()));
    }
}

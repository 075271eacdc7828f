package com.newsapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * What the local API needs from template.yaml: the HTTP API routes with their handler classes,
 * authorizers and throttling, the table definition and the CORS settings. CloudFormation's short
 * tags (!Ref, !Sub, !GetAtt) are read as plain values; a throttling number given as {@code !Ref}
 * to a parameter takes that parameter's default.
 */
public final class SamTemplate {

    /**
     * One HttpApi route: {@code GET /articles/{id}} served by a handler class, maybe behind an
     * authorizer, maybe throttled (its own RouteSettings, else the API's DefaultRouteSettings).
     */
    public record Route(String method, String path, String handlerClass, String function, Optional<String> authorizer,
                        Optional<Throttle> throttle) {

        /** The same route under other throttling (none, for load tools; small numbers, in tests). */
        public Route withThrottle(Optional<Throttle> other) {
            return new Route(method, path, handlerClass, function, authorizer, other);
        }
    }

    /** API Gateway's token bucket: {@code rate} requests a second on average, {@code burst} at once. */
    public record Throttle(double rate, int burst) {
    }

    /** The HttpApi's CorsConfiguration. */
    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, Optional<Integer> maxAge) {
        static final Cors NONE = new Cors(List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }

    private final JsonNode resources;
    private final JsonNode parameters;
    private final JsonNode conditions;

    private SamTemplate(JsonNode template) {
        this.resources = template.path("Resources");
        this.parameters = template.path("Parameters");
        this.conditions = template.path("Conditions");
    }

    public static SamTemplate read(Path file) {
        try {
            return new SamTemplate(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        Optional<Throttle> defaultThrottle = throttle(httpApi().path("DefaultRouteSettings"));
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            JsonNode properties = resource.getValue().path("Properties");
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            String handler = properties.path("Handler").asText().split("::", 2)[0];
            for (JsonNode event : properties.path("Events")) {
                if ("HttpApi".equals(event.path("Type").asText())) {
                    JsonNode route = event.path("Properties");
                    String authorizer = route.path("Auth").path("Authorizer").asText(null);
                    Optional<Throttle> throttle = throttle(route.path("RouteSettings")).or(() -> defaultThrottle);
                    routes.add(new Route(route.path("Method").asText().toUpperCase(), route.path("Path").asText(), handler,
                            resource.getKey(), Optional.ofNullable(authorizer), throttle));
                }
            }
        }
        return routes;
    }

    /** The first AWS::Serverless::HttpApi's Properties; a missing node when there is none. */
    private JsonNode httpApi() {
        for (JsonNode resource : resources) {
            if ("AWS::Serverless::HttpApi".equals(resource.path("Type").asText())) {
                return resource.path("Properties");
            }
        }
        return MissingNode.getInstance();
    }

    private Optional<Throttle> throttle(JsonNode settings) {
        JsonNode rate = settings.path("ThrottlingRateLimit");
        JsonNode burst = settings.path("ThrottlingBurstLimit");
        if (rate.isMissingNode() || burst.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new Throttle(number(rate), (int) number(burst)));
    }

    /**
     * The value itself, or for an {@code !If [Condition, then, else]} (read as that list) the branch
     * its condition picks with every parameter at its default.
     */
    private JsonNode chosen(JsonNode value) {
        if (!value.isArray() || value.size() != 3 || !value.get(0).isTextual()) {
            return value;
        }
        return holds(value.get(0).asText()) ? value.get(1) : value.get(2);
    }

    /** A condition {@code !Equals [!Ref Parameter, value]}, with the parameter at its default; other forms are refused. */
    private boolean holds(String condition) {
        JsonNode equals = conditions.path(condition);
        JsonNode parameter = equals.isArray() && equals.size() == 2 ? parameters.path(equals.get(0).asText()) : MissingNode.getInstance();
        if (parameter.path("Default").isMissingNode()) {
            throw new IllegalStateException("template.yaml: condition " + condition + " is not !Equals [!Ref <parameter with a default>, value]");
        }
        return parameter.path("Default").asText().equals(equals.get(1).asText());
    }

    /** A number, or the default of the parameter a {@code !Ref} names. */
    private double number(JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        JsonNode fromParameter = parameters.path(value.asText()).path("Default");
        if (fromParameter.isMissingNode()) {
            throw new IllegalStateException("template.yaml: " + value.asText() + " is neither a number nor a parameter with a default");
        }
        return fromParameter.asDouble();
    }

    public Cors cors() {
        JsonNode cors = httpApi().path("CorsConfiguration");
        if (cors.isMissingNode()) {
            return Cors.NONE;
        }
        return new Cors(strings(cors.path("AllowOrigins")), strings(cors.path("AllowMethods")),
                strings(cors.path("AllowHeaders")), strings(cors.path("ExposeHeaders")),
                cors.has("MaxAge") ? Optional.of(cors.get("MaxAge").asInt()) : Optional.empty());
    }

    /**
     * For each path pattern of the CDN distribution whose cache policy is one of this template's,
     * the query parameters in its cache key (CloudFront forwards no others to the API).
     */
    public Map<String, List<String>> cdnQueryStrings() {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (JsonNode resource : resources) {
            if (!"AWS::CloudFront::Distribution".equals(resource.path("Type").asText())) {
                continue;
            }
            for (JsonNode behavior : resource.path("Properties").path("DistributionConfig").path("CacheBehaviors")) {
                JsonNode policy = resources.path(behavior.path("CachePolicyId").asText()); // !Ref Name reads as Name
                JsonNode queryStrings = policy.path("Properties").path("CachePolicyConfig")
                        .path("ParametersInCacheKeyAndForwardedToOrigin").path("QueryStringsConfig");
                if (!policy.isMissingNode()) {
                    byPath.put(behavior.path("PathPattern").asText(), strings(queryStrings.path("QueryStrings")));
                }
            }
        }
        return byPath;
    }

    /** The first AWS::DynamoDB::Table, as a CreateTableRequest under the given name. */
    public CreateTableRequest table(String tableName) {
        for (JsonNode resource : resources) {
            if ("AWS::DynamoDB::Table".equals(resource.path("Type").asText())) {
                JsonNode table = resource.path("Properties");
                List<AttributeDefinition> attributes = new ArrayList<>();
                for (JsonNode attribute : table.path("AttributeDefinitions")) {
                    attributes.add(AttributeDefinition.builder().attributeName(attribute.path("AttributeName").asText())
                            .attributeType(attribute.path("AttributeType").asText()).build());
                }
                List<GlobalSecondaryIndex> indexes = new ArrayList<>();
                for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
                    JsonNode projection = chosen(index.path("Projection"));
                    indexes.add(GlobalSecondaryIndex.builder().indexName(index.path("IndexName").asText())
                            .keySchema(keys(index.path("KeySchema")))
                            .projection(Projection.builder().projectionType(projection.path("ProjectionType").asText())
                                    .nonKeyAttributes(projection.has("NonKeyAttributes") ? strings(projection.path("NonKeyAttributes")) : null)
                                    .build())
                            .build());
                }
                CreateTableRequest.Builder create = CreateTableRequest.builder().tableName(tableName)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributes)
                        .keySchema(keys(table.path("KeySchema")))
                        .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes);
                JsonNode stream = table.path("StreamSpecification").path("StreamViewType");
                if (!stream.isMissingNode()) {
                    create.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(stream.asText()).build());
                }
                return create.build();
            }
        }
        throw new IllegalStateException("template.yaml declares no AWS::DynamoDB::Table");
    }

    private static List<KeySchemaElement> keys(JsonNode schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (JsonNode key : schema) {
            keys.add(KeySchemaElement.builder().attributeName(key.path("AttributeName").asText())
                    .keyType(key.path("KeyType").asText()).build());
        }
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}

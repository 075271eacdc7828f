package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.newsapi.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks real responses against openapi.yaml: the status must be documented for the operation, and
 * a JSON body must validate against the documented schema (JSON Schema 2020-12, formats asserted).
 */
final class OpenApiContract {

    private static final Path DOCUMENT = Path.of("../openapi.yaml").toAbsolutePath().normalize();
    private final JsonNode openApi;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    OpenApiContract() {
        try {
            openApi = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the response is what the document promises for {@code method pathTemplate}. */
    void check(String method, String pathTemplate, HttpResponse<String> response) {
        JsonNode operation = openApi.path("paths").path(pathTemplate).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as("%s %s is documented", method, pathTemplate).isFalse();
        String status = Integer.toString(response.statusCode());
        JsonNode documented = operation.path("responses").path(status);
        assertThat(documented.isMissingNode()).as("%s %s documents status %s", method, pathTemplate, status).isFalse();
        String base = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase() + "/responses/" + status;
        if (documented.has("$ref")) {
            base = documented.get("$ref").asText().substring(1);
            documented = resolve(documented.get("$ref").asText());
        }
        String body = response.body();
        if (body == null || body.isEmpty()) {
            return;
        }
        String contentType = response.headers().firstValue("content-type").orElse("").split(";")[0].strip();
        JsonNode content = documented.path("content").path(contentType);
        assertThat(content.isMissingNode()).as("%s %s %s documents %s", method, pathTemplate, status, contentType).isFalse();
        if (!contentType.contains("json")) {
            return;
        }
        JsonNode schemaNode = content.path("schema");
        String pointer = schemaNode.has("$ref") && schemaNode.size() == 1
                ? schemaNode.get("$ref").asText().substring(1)
                : base + "/content/" + escape(contentType) + "/schema";
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT.toUri() + "#" + pointer), config);
        try {
            Set<ValidationMessage> errors = schema.validate(Json.mapper().readTree(body));
            assertThat(errors).as("%s %s %s body %s", method, pathTemplate, status, body).isEmpty();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private JsonNode resolve(String ref) {
        JsonNode node = openApi;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

}

package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CloudFront forwards to the API only the query parameters in a behavior's cache key, silently
 * dropping the rest: each cached route's key must hold exactly the query parameters openapi.yaml
 * gives that route, or a filter would be ignored behind the CDN (and two answers share a copy).
 */
class CdnCacheKeysTest {

    /** The distribution's path patterns and the route of openapi.yaml each one serves. */
    private static final Map<String, String> ROUTES = Map.of(
            "/articles", "/articles",
            "/articles/*", "/articles/{id}",
            "/tags", "/tags",
            "/authors", "/authors",
            "/openapi.yaml", "/openapi.yaml");

    @Test
    void everyCachedRoute_keysExactlyTheQueryParametersTheDocumentGivesIt() throws IOException {
        Map<String, List<String>> cacheKeys = SamTemplate.read(Path.of("../template.yaml")).cdnQueryStrings();
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../openapi.yaml").toFile());

        assertThat(cacheKeys).containsOnlyKeys(ROUTES.keySet());
        ROUTES.forEach((pattern, route) -> assertThat(cacheKeys.get(pattern)).as(pattern)
                .containsExactlyInAnyOrderElementsOf(queryParameters(document, route)));
    }

    private static List<String> queryParameters(JsonNode document, String route) {
        List<String> names = new ArrayList<>();
        JsonNode operation = document.path("paths").path(route).path("get");
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = parameter.has("$ref")
                    ? document.at(parameter.get("$ref").asText().substring(1))
                    : parameter;
            if ("query".equals(resolved.path("in").asText())) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }
}

package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.config.DeskSettings;
import com.newsapi.http.DeskAssets;
import com.newsapi.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /desk and /desk/{file}: the bundled page, an allow-list of its files, its headers and its sign-in settings. */
class GetDeskHandlerTest {

    private static final DeskSettings ON_AWS = new DeskSettings(
            "https://editors.auth.eu-west-1.amazoncognito.com/oauth2/authorize",
            "https://editors.auth.eu-west-1.amazoncognito.com/oauth2/token",
            "https://editors.auth.eu-west-1.amazoncognito.com/logout",
            "client123", "https://abc123.execute-api.eu-west-1.amazonaws.com/");
    private static final DeskSettings LOCAL = new DeskSettings(
            "/local-auth/authorize", "/local-auth/token", "/local-auth/logout", "newsapi-local", "");

    private final GetDeskHandler handler = new GetDeskHandler(DeskAssets.bundled(), () -> ON_AWS);

    @Test
    void theDeskPath_withItsSlash_isTheIndexPage_underAStrictPolicy() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(page("/desk/", Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-cache")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsKey("ETag");
        assertThat(response.getHeaders().get("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")
                .contains("connect-src 'self' https://editors.auth.eu-west-1.amazoncognito.com https://abc123.execute-api.eu-west-1.amazonaws.com;")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(response.getBody()).contains("<script type=\"module\" src=\"desk.js\">");
    }

    @Test
    void theDeskPath_withoutItsSlash_redirectsToIt_soThePagesRelativeLinksResolve() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(page("/desk", Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(308);
        assertThat(response.getHeaders()).containsEntry("Location", "desk/");
    }

    @Test
    void theSignInCallbacksParameters_areAccepted_onThePage_andNothingElse() {
        assertThat(handler.handleRequest(page("/desk/", Map.of("code", "abc", "state", "xyz")), null).getStatusCode()).isEqualTo(200);
        assertThat(handler.handleRequest(page("/desk/", Map.of("error", "access_denied")), null).getStatusCode()).isEqualTo(200);

        assertThat(handler.handleRequest(page("/desk/", Map.of("debug", "1")), null).getStatusCode()).isEqualTo(400);
        assertThat(handler.handleRequest(file("desk.js", Map.of("code", "abc")), null).getStatusCode()).isEqualTo(400);
    }

    static Stream<Arguments> bundledFiles() {
        return Stream.of(
                Arguments.of("index.html", "text/html; charset=utf-8", "no-cache"),
                Arguments.of("desk.css", "text/css; charset=utf-8", "public, max-age=300"),
                Arguments.of("desk.js", "text/javascript; charset=utf-8", "public, max-age=300"),
                Arguments.of("api.js", "text/javascript; charset=utf-8", "public, max-age=300"),
                Arguments.of("auth.js", "text/javascript; charset=utf-8", "public, max-age=300"),
                Arguments.of("editor.js", "text/javascript; charset=utf-8", "public, max-age=300"));
    }

    @ParameterizedTest
    @MethodSource("bundledFiles")
    void eachBundledFile_isServedWithItsContentType_cacheControl_andTheSecurityHeaders(String name, String type, String cacheControl) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(file(name, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", type).containsEntry("Cache-Control", cacheControl)
                .containsEntry("X-Content-Type-Options", "nosniff").containsKey("Content-Security-Policy");
        assertThat(response.getBody()).isEqualTo(resource("desk/" + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openapi.yaml", "..", "%2e%2e", "desk.js.map", "DESK.JS", "index.htm", "seeds", "application.properties"})
    void anyOtherName_isA404Problem_neverAFileOfThePackage(String name) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(file(name, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("\"status\":404", "The desk has no such file.");
    }

    @Test
    void aRepeatedLoad_withTheETag_isA304() {
        String etag = handler.handleRequest(file("desk.css", Map.of()), null).getHeaders().get("ETag");

        APIGatewayV2HTTPResponse again = handler.handleRequest(withHeader(file("desk.css", Map.of()), "if-none-match", etag), null);

        assertThat(again.getStatusCode()).isEqualTo(304);
    }

    @Test
    void config_tellsThePageTheHostedSignIn_itsClient_andTheApi() throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(file("config.json", Map.of()), null);

        JsonNode config = Json.mapper().readTree(response.getBody());
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json").containsEntry("Cache-Control", "no-cache");
        assertThat(config.path("authorizeUrl").asText()).isEqualTo("https://editors.auth.eu-west-1.amazoncognito.com/oauth2/authorize");
        assertThat(config.path("tokenUrl").asText()).isEqualTo("https://editors.auth.eu-west-1.amazoncognito.com/oauth2/token");
        assertThat(config.path("logoutUrl").asText()).isEqualTo("https://editors.auth.eu-west-1.amazoncognito.com/logout");
        assertThat(config.path("clientId").asText()).isEqualTo("client123");
        assertThat(config.path("redirectUri").asText()).isEqualTo("https://desk.example.com/desk/");
        assertThat(config.path("scopes").asText()).isEqualTo("openid email profile");
        assertThat(config.path("apiUrl").asText()).isEqualTo("https://abc123.execute-api.eu-west-1.amazonaws.com");
    }

    @Test
    void config_locally_pointsAtTheLocalApisOwnSignIn_onThePagesOrigin() throws IOException {
        GetDeskHandler local = new GetDeskHandler(DeskAssets.bundled(), () -> LOCAL);
        APIGatewayV2HTTPEvent event = withHeader(withHeader(file("config.json", Map.of()), "host", "127.0.0.1:3000"),
                "x-forwarded-proto", "http");

        APIGatewayV2HTTPResponse response = local.handleRequest(event, null);

        JsonNode config = Json.mapper().readTree(response.getBody());
        assertThat(config.path("authorizeUrl").asText()).isEqualTo("http://127.0.0.1:3000/local-auth/authorize");
        assertThat(config.path("tokenUrl").asText()).isEqualTo("http://127.0.0.1:3000/local-auth/token");
        assertThat(config.path("redirectUri").asText()).isEqualTo("http://127.0.0.1:3000/desk/");
        assertThat(config.path("apiUrl").asText()).isEmpty();
        assertThat(response.getHeaders().get("Content-Security-Policy")).contains("connect-src 'self';");
    }

    /** The page's own rules, held here: API text goes in as text, and tokens stay out of localStorage. */
    @Test
    void theBundledScripts_neverInsertMarkup_norKeepAnythingInLocalStorage() {
        for (String script : List.of("desk.js", "api.js", "auth.js", "editor.js")) {
            assertThat(resource("desk/" + script)).as(script)
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "localStorage", "eval(");
        }
        assertThat(resource("desk/index.html")).doesNotContain("<script>", "style=", "onclick=");
    }

    private static APIGatewayV2HTTPEvent page(String rawPath, Map<String, String> query) {
        return event("GET /desk", rawPath, null, query);
    }

    private static APIGatewayV2HTTPEvent file(String name, Map<String, String> query) {
        return event("GET /desk/{file}", "/desk/" + name, Map.of("file", name), query);
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String rawPath, Map<String, String> pathParameters, Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(rawPath)
                .withPathParameters(pathParameters).withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(new HashMap<>(Map.of("host", "desk.example.com", "x-forwarded-proto", "https")))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withDomainName("desk.example.com").build())
                .build();
    }

    private static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        event.getHeaders().put(name, value);
        return event;
    }

    private static String resource(String name) {
        try (InputStream in = GetDeskHandlerTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.newsapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One seeded local API per test JVM, on free ports, and an HTTP client that checks every answer
 * against openapi.yaml. With {@code -Dapi.url=...} the HTTP tests go to that server instead (the
 * sam local suite points the reader tests at `sam local start-api`).
 */
final class TestApi {

    static final String EXTERNAL = System.getProperty("api.url", "");
    /**
     * The local API's clock: the system clock's time, moved on by tests that would otherwise wait
     * (a rate limit's Retry-After). Tokens are minted on it, so they are valid however far it moved.
     */
    static final MovableClock CLOCK = new MovableClock(Clock.systemUTC());
    /** Change events are not printed here (StreamPumpTest attaches its own pump to this API). */
    static final LocalApi API = EXTERNAL.isEmpty()
            ? LocalApi.start(Path.of("../template.yaml"), 0, LocalApi.LOOPBACK, 0, Path.of("target/test-keys"), true, null, true, CLOCK)
            : null;
    static final LocalTokens TOKENS = LocalTokens.inFolder(Path.of("target/test-keys"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final OpenApiContract CONTRACT = new OpenApiContract();

    private TestApi() {
    }

    static String editorToken() {
        return TOKENS.mint("editor-e2e", List.of("editors"), now(), Duration.ofMinutes(10), LocalTokens.AUDIENCE);
    }

    /** Now, as the local API sees it. */
    static Instant now() {
        return CLOCK.instant();
    }

    static URI uri(String pathAndQuery) {
        return URI.create((EXTERNAL.isEmpty() ? "http://127.0.0.1:" + API.port() : EXTERNAL) + pathAndQuery);
    }

    /** Sends a request; when {@code template} is given, the answer must match openapi.yaml for it. */
    static HttpResponse<String> send(String method, String pathAndQuery, String template, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (template != null) {
                CONTRACT.check(method, template, response);
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A GET whose body is kept as bytes (a compressed answer is not text). */
    static HttpResponse<byte[]> getBytes(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request failed: GET " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> get(String pathAndQuery, String template) {
        return send("GET", pathAndQuery, template, null, Map.of());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A write as an editor: bearer token and JSON content type, plus {@code extra} headers. */
    static HttpResponse<String> write(String method, String path, String template, String body, Map<String, String> extra) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + editorToken(),
                "Content-Type", "application/json"));
        headers.putAll(extra);
        return send(method, path, template, body, headers);
    }

    static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("etag").orElseThrow();
    }

    /** The titles of one page of a list. */
    static List<String> titles(String pathAndQuery) {
        List<String> titles = new java.util.ArrayList<>();
        for (JsonNode item : json(get(pathAndQuery, "/articles")).get("items")) {
            titles.add(item.get("title").asText());
        }
        return titles;
    }

    /** Deletes a published article the test made, so the seeded set is as other tests expect it. */
    static void deletePublished(String id) {
        HttpResponse<String> current = get("/articles/" + id, "/articles/{id}");
        HttpResponse<String> deleted = write("DELETE", "/articles/" + id, "/articles/{id}", null, Map.of("If-Match", etag(current)));
        if (deleted.statusCode() != 204) {
            throw new AssertionError("could not delete " + id + ": " + deleted.body());
        }
    }
}

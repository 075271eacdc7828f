package com.newsapi.local;

import static com.newsapi.local.TestApi.json;
import static com.newsapi.local.TestApi.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of what hostile or broken clients send, through the local API over HTTP: each must get
 * its documented 4xx (problem+json from our functions, API Gateway's own JSON for 401/404 it answers
 * itself), never a 5xx. Prints how many were checked.
 */
class HostileInputTest {

    private static final String STORY = "{\"title\":\"T\",\"body\":[{\"type\":\"paragraph\",\"text\":\"x\"}]}";

    record Case(String name, String method, String path, Map<String, String> headers, String body, int status) {
    }

    @Test
    void everyHostileInput_getsItsDocumented4xx() {
        String editor = "Bearer " + TestApi.editorToken();
        String reader = "Bearer " + TestApi.TOKENS.mint("r", List.of("readers"), TestApi.now(), Duration.ofMinutes(5), LocalTokens.AUDIENCE);
        String expired = "Bearer " + TestApi.TOKENS.mint("e", List.of("editors"), TestApi.now().minus(Duration.ofHours(3)),
                Duration.ofHours(1), LocalTokens.AUDIENCE);
        String otherAudience = "Bearer " + TestApi.TOKENS.mint("e", List.of("editors"), TestApi.now(), Duration.ofMinutes(5), "other");
        String realCursor = json(send("GET", "/articles?limit=2", null, null, Map.of())).get("nextCursor").asText();
        Map<String, String> json = Map.of("Content-Type", "application/json", "Authorization", editor);

        List<Case> cases = new ArrayList<>(List.of(
                new Case("malformed JSON", "POST", "/articles", json, "{\"title\": ", 400),
                new Case("JSON array body", "POST", "/articles", json, "[1,2,3]", 400),
                new Case("JSON null body", "POST", "/articles", json, "null", 400),
                new Case("empty body", "POST", "/articles", json, "", 400),
                new Case("duplicate keys", "POST", "/articles", json, "{\"title\":\"a\",\"title\":\"b\",\"body\":[]}", 400),
                new Case("deep nesting", "POST", "/articles", json, "[".repeat(5000) + "]".repeat(5000), 400),
                new Case("wrong types", "POST", "/articles", json, "{\"title\":[1],\"body\":\"text\"}", 422),
                new Case("huge title", "POST", "/articles", json, STORY.replace("\"T\"", "\"" + "T".repeat(10_000) + "\""), 422),
                new Case("control characters", "POST", "/articles", json, STORY.replace("\"T\"", "\"T\\u0000\\u001b\""), 422),
                new Case("mass assignment of id", "POST", "/articles", json, STORY.replace("{", "{\"id\":\"0123456789abcdef\","), 422),
                new Case("mass assignment of status history", "POST", "/articles", json, STORY.replace("{", "{\"createdAt\":\"2000-01-01\","), 422),
                new Case("unknown field", "POST", "/articles", json, STORY.replace("{", "{\"isAdmin\":true,"), 422),
                new Case("body over 128 KiB", "POST", "/articles", json, STORY.replace("\"x\"", "\"" + "x".repeat(140_000) + "\""), 413),
                new Case("wrong content type", "POST", "/articles", Map.of("Content-Type", "text/xml", "Authorization", editor), "<a/>", 415),
                new Case("idempotency key too long", "POST", "/articles", with(json, "Idempotency-Key", "k".repeat(300)), STORY, 400),
                new Case("no token", "POST", "/articles", Map.of("Content-Type", "application/json"), STORY, 401),
                new Case("expired token", "POST", "/articles", with(json, "Authorization", expired), STORY, 401),
                new Case("forged token", "POST", "/articles", with(json, "Authorization", editor.substring(0, editor.length() - 4) + "AAAA"), STORY, 401),
                new Case("wrong-audience token", "POST", "/articles", with(json, "Authorization", otherAudience), STORY, 401),
                new Case("reader token on a write", "POST", "/articles", with(json, "Authorization", reader), STORY, 403),
                new Case("If-Match missing", "PUT", "/articles/76d4847c855c7079", json, STORY, 428),
                new Case("If-Match garbage", "PUT", "/articles/76d4847c855c7079", with(json, "If-Match", "\"nonsense\""), STORY, 412),
                new Case("If-Match of another article", "DELETE", "/articles/76d4847c855c7079",
                        with(json, "If-Match", "\"0123456789abcdef-1\""), null, 412),
                new Case("path traversal in id", "GET", "/articles/..%2F..%2Fetc%2Fpasswd", Map.of(), null, 404),
                new Case("odd characters in id", "GET", "/articles/%00%FF%E2%80%AE", Map.of(), null, 404),
                new Case("very long id", "GET", "/articles/" + "a".repeat(2000), Map.of(), null, 404),
                new Case("limit negative", "GET", "/articles?limit=-1", Map.of(), null, 400),
                new Case("limit zero", "GET", "/articles?limit=0", Map.of(), null, 400),
                new Case("limit too big", "GET", "/articles?limit=101", Map.of(), null, 400),
                new Case("limit not a number", "GET", "/articles?limit=1e3", Map.of(), null, 400),
                new Case("forged cursor", "GET", "/articles?cursor=" + b64("{\"v\":1,\"after\":\"x\",\"query\":\"y\"}"), Map.of(), null, 400),
                new Case("truncated cursor", "GET", "/articles?cursor=" + realCursor.substring(0, realCursor.length() / 2), Map.of(), null, 400),
                new Case("cursor with an altered position", "GET", "/articles?limit=2&cursor=" + movedBack(realCursor), Map.of(), null, 400),
                new Case("cursor replayed with other filters", "GET", "/articles?q=kim&cursor=" + realCursor, Map.of(), null, 400),
                new Case("cursor pointing at another table", "GET", "/articles?cursor=" + b64("{\"v\":1,\"after\":\"2025-01-01T00:00:00.000Z#0123456789abcdef\",\"query\":\"0\",\"table\":\"other\"}"), Map.of(), null, 400),
                new Case("unknown query parameter", "GET", "/articles?admin=true", Map.of(), null, 400),
                new Case("bad date", "GET", "/articles?from=yesterday", Map.of(), null, 400),
                new Case("search of stopwords only", "GET", "/articles?q=the+and+of", Map.of(), null, 400),
                new Case("search too long", "GET", "/articles?q=" + "word+".repeat(60), Map.of(), null, 400),
                new Case("unknown field requested", "GET", "/articles?fields=id,password", Map.of(), null, 400),
                new Case("control characters in a filter", "GET", "/articles?tag=" + URLEncoder.encode("a\u0007b", StandardCharsets.UTF_8), Map.of(), null, 400),
                new Case("unknown route", "GET", "/admin", Map.of(), null, 404)));

        int answeredAsDocumented = 0;
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> response = send(c.method(), c.path(), null, c.body(), c.headers());
            String type = response.headers().firstValue("content-type").orElse("");
            boolean documentedShape = response.statusCode() == 401 || c.name().equals("unknown route")
                    ? type.equals("application/json") && response.body().startsWith("{\"message\":")
                    : type.equals("application/problem+json") && json(response).get("status").asInt() == response.statusCode();
            if (response.statusCode() == c.status() && documentedShape) {
                answeredAsDocumented++;
            } else {
                wrong.add(c.name() + ": " + response.statusCode() + " " + type + " " + abbreviate(response.body()));
            }
        }

        System.out.printf("hostile inputs: %d checked, %d answered as documented, 0 server errors expected%n",
                cases.size(), answeredAsDocumented);
        assertThat(wrong).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    /**
     * The cursor's position moved to the year 2000 (to skip ahead in the feed), its signature, if it
     * has one, kept: the signed JSON is the part before the dot.
     */
    private static String movedBack(String cursor) {
        int dot = cursor.indexOf('.');
        String payload = dot < 0 ? cursor : cursor.substring(0, dot);
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        String moved = json.replaceFirst("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z", "2000-01-01T00:00:00.000Z");
        assertThat(moved).as("the cursor holds a feed position").isNotEqualTo(json);
        return b64(moved) + (dot < 0 ? "" : cursor.substring(dot));
    }

    private static String b64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}

package com.newsapi.local;

import static com.newsapi.local.TestApi.etag;
import static com.newsapi.local.TestApi.get;
import static com.newsapi.local.TestApi.json;
import static com.newsapi.local.TestApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.SyncTokens;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.SyncPosition;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GET /sync over HTTP through the local API; every answer is checked against openapi.yaml. */
class SyncEndToEndTest {

    private static final String SEEDED_STORY = "76d4847c855c7079";

    @Test
    void aFullSync_thenDeltas_carryNewArticles_andTombstonesForDeletedOnes() {
        Map<String, JsonNode> copy = new HashMap<>();
        String token = sync("limit=4&fields=title", copy);
        assertThat(copy).containsKey(SEEDED_STORY);
        assertThat(copy.get(SEEDED_STORY).get("version").asLong()).isPositive();

        String id = publishedArticle("Lighthouse keeper retires", List.of("coast"));
        token = sync("fields=title&syncToken=" + token, copy);
        assertThat(copy).containsKey(id);

        HttpResponse<String> current = get("/articles/" + id, "/articles/{id}");
        assertThat(write("DELETE", "/articles/" + id, "/articles/{id}", null, Map.of("If-Match", etag(current))).statusCode())
                .isEqualTo(204);
        sync("fields=title&syncToken=" + token, copy);
        assertThat(copy).doesNotContainKey(id).containsKey(SEEDED_STORY);
    }

    @Test
    void aFilteredSync_dropsAnArticleWhoseTagWasRemoved() {
        String tag = "tide" + System.nanoTime() % 100_000;
        Map<String, JsonNode> copy = new HashMap<>();
        String token = sync("tag=" + tag, copy);
        assertThat(copy).isEmpty();

        String id = publishedArticle("Spring tide floods the quay", List.of(tag));
        token = sync("tag=" + tag + "&syncToken=" + token, copy);
        assertThat(copy).containsOnlyKeys(id);

        HttpResponse<String> current = get("/articles/" + id, "/articles/{id}");
        assertThat(write("PATCH", "/articles/" + id, "/articles/{id}", "{\"tags\": [\"harbour\"]}",
                Map.of("If-Match", etag(current))).statusCode()).isEqualTo(200);
        sync("tag=" + tag + "&syncToken=" + token, copy);
        assertThat(copy).isEmpty();
        TestApi.deletePublished(id);
    }

    @Test
    void anExpiredToken_isA410_andAlteredOrMismatchedOnesAre400s() {
        Instant longAgo = TestApi.now().minus(Duration.ofDays(45));
        String expired = new SyncTokens("local-sync-token-key-not-secret").encode(
                new SyncPosition(true, longAgo, longAgo.minusSeconds(60), longAgo, Optional.empty()), ArticleQuery.ALL);
        String token = sync("tag=coast", new HashMap<>());

        HttpResponse<String> gone = get("/sync?syncToken=" + expired, "/sync");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json(gone).get("type").asText()).isEqualTo("urn:news-api:problem:sync-token-expired");
        assertThat(get("/sync?syncToken=" + token, "/sync").statusCode()).isEqualTo(400); // issued for tag=coast
        assertThat(get("/sync?tag=coast&syncToken=" + token.replace('.', 'x'), "/sync").statusCode()).isEqualTo(400);
        assertThat(get("/sync?since=2026-01-01", "/sync").statusCode()).isEqualTo(400);
    }

    /** Runs one sync to its last page, applying every page to {@code copy}; returns the next token. */
    private static String sync(String query, Map<String, JsonNode> copy) {
        String cursorFree = query;
        String next = null;
        do {
            String url = "/sync?" + (next == null ? cursorFree : withoutToken(cursorFree) + "cursor=" + encode(next));
            HttpResponse<String> response = get(url, "/sync");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
            JsonNode page = json(response);
            for (JsonNode item : page.get("items")) {
                // Items say what they are in `kind` (what generated clients dispatch on); `deleted` agrees.
                switch (item.get("kind").asText()) {
                    case "deleted" -> {
                        assertThat(item.get("deleted").asBoolean()).isTrue();
                        copy.remove(item.get("id").asText());
                    }
                    case "article" -> {
                        assertThat(item.has("deleted")).isFalse();
                        copy.put(item.get("id").asText(), item);
                    }
                    default -> throw new AssertionError("unknown kind: " + item);
                }
            }
            next = page.get("nextCursor").textValue();
            if (next == null) {
                return page.get("nextSyncToken").asText();
            }
        } while (true);
    }

    private static String withoutToken(String query) {
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("syncToken=")) {
                kept.append(pair).append('&');
            }
        }
        return kept.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String publishedArticle(String title, List<String> tags) {
        String body = """
                {"title": "%s", "body": [{"type": "paragraph", "text": "Reported from the coast."}],
                 "tags": %s, "status": "published"}""".formatted(title + " " + System.nanoTime(),
                tags.stream().map(tag -> "\"" + tag + "\"").toList());
        HttpResponse<String> created = write("POST", "/articles", "/articles", body, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

}

package com.newsapi.local;

import static com.newsapi.local.TestApi.etag;
import static com.newsapi.local.TestApi.get;
import static com.newsapi.local.TestApi.json;
import static com.newsapi.local.TestApi.send;
import static com.newsapi.local.TestApi.titles;
import static com.newsapi.local.TestApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The editor API over HTTP through the local API, tokens included; every answer is checked against openapi.yaml. */
class EditorEndToEndTest {

    private static final String STORY = """
            {"title": "%s", "summary": "Harbour news.",
             "body": [{"type": "paragraph", "text": "The harbour reopened after the storm."},
                      {"type": "heading", "text": "Boats return"},
                      {"type": "paragraph", "text": "Fishing boats returned at dawn."}],
             "author": {"name": "Lena Fischer"}, "tags": ["coast", "Weather"]}""";

    @Test
    void anEditor_createsPublishesEditsAndDeletes_andReadersSeeEachStep() {
        String title = "Harbour reopens " + System.nanoTime();
        HttpResponse<String> created = write("POST", "/articles", "/articles", STORY.formatted(title), Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asText();
        String slug = json(created).get("slug").asText();
        assertThat(created.headers().firstValue("location")).hasValue("/articles/" + id);
        assertThat(get("/articles/" + slug, "/articles/{id}").statusCode()).isEqualTo(404);

        HttpResponse<String> published = write("POST", "/articles/" + id + "/publish", "/articles/{id}/publish", null,
                Map.of("If-Match", etag(created)));
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(get("/articles/" + slug, "/articles/{id}").statusCode()).isEqualTo(200);
        assertThat(titles("/articles?tag=coast")).contains(title);
        assertThat(titles("/articles?q=harbour+dawn")).contains(title);
        assertThat(json(get("/tags", "/tags")).get("items")).extracting(item -> item.get("name").asText()).contains("coast", "weather");

        HttpResponse<String> patched = write("PATCH", "/articles/" + id, "/articles/{id}",
                "{\"tags\": [\"harbours\"], \"summary\": null}", Map.of("If-Match", etag(published),
                        "Content-Type", "application/merge-patch+json"));
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(titles("/articles?tag=coast")).doesNotContain(title);
        assertThat(titles("/articles?tag=harbours")).contains(title);

        HttpResponse<String> stale = write("DELETE", "/articles/" + id, "/articles/{id}", null, Map.of("If-Match", etag(published)));
        HttpResponse<String> deleted = write("DELETE", "/articles/" + id, "/articles/{id}", null, Map.of("If-Match", etag(patched)));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/articles/" + id, "/articles/{id}").statusCode()).isEqualTo(404);
        assertThat(titles("/articles?q=harbour+dawn")).doesNotContain(title);
    }

    @Test
    void anEditor_seesTheRevisions_andRestoresOne_overHttp() {
        String title = "Harbour revisions " + System.nanoTime();
        HttpResponse<String> created = write("POST", "/articles", "/articles", STORY.formatted(title), Map.of());
        String id = json(created).get("id").asText();
        HttpResponse<String> patched = write("PATCH", "/articles/" + id, "/articles/{id}", "{\"title\": \"" + title + " (edited)\"}",
                Map.of("If-Match", etag(created), "Content-Type", "application/merge-patch+json"));

        HttpResponse<String> listed = write("GET", "/desk/articles/" + id + "/revisions?limit=1", "/desk/articles/{id}/revisions", null, Map.of());
        HttpResponse<String> older = write("GET", "/desk/articles/" + id + "/revisions?limit=1&cursor="
                + json(listed).get("nextCursor").asText(), "/desk/articles/{id}/revisions", null, Map.of());
        HttpResponse<String> first = write("GET", "/desk/articles/" + id + "/revisions/1", "/desk/articles/{id}/revisions/{version}", null, Map.of());
        HttpResponse<String> restored = write("POST", "/desk/articles/" + id + "/revisions/1/restore",
                "/desk/articles/{id}/revisions/{version}/restore", null, Map.of("If-Match", etag(patched)));
        HttpResponse<String> stale = write("POST", "/desk/articles/" + id + "/revisions/1/restore",
                "/desk/articles/{id}/revisions/{version}/restore", null, Map.of("If-Match", etag(patched)));

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("cache-control")).hasValue("private, no-store");
        assertThat(json(listed).get("items").get(0).get("version").asLong()).isEqualTo(2);
        assertThat(json(listed).get("items").get(0).get("savedBy").asText()).isEqualTo("editor-e2e");
        assertThat(json(older).get("items").get(0).get("version").asLong()).isEqualTo(1);
        assertThat(json(first).get("article").get("title").asText()).isEqualTo(title);
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(json(restored).get("title").asText()).isEqualTo(title);
        assertThat(json(restored).get("version").asLong()).isEqualTo(3);
        assertThat(stale.statusCode()).isEqualTo(412);
    }

    static Stream<Arguments> badTokens() {
        Instant now = TestApi.now();
        LocalTokens forger = LocalTokens.inFolder(java.nio.file.Path.of("target/forger-keys"));
        String valid = TestApi.editorToken();
        return Stream.of(
                Arguments.of("no token", null, 401),
                Arguments.of("not a bearer token", "Basic dXNlcjpwYXNz", 401),
                Arguments.of("garbage", "Bearer not.a.jwt", 401),
                Arguments.of("expired", "Bearer " + TestApi.TOKENS.mint("e", List.of("editors"), now.minus(Duration.ofHours(2)),
                        Duration.ofHours(1), LocalTokens.AUDIENCE), 401),
                Arguments.of("wrong audience", "Bearer " + TestApi.TOKENS.mint("e", List.of("editors"), now, Duration.ofHours(1),
                        "another-app"), 401),
                Arguments.of("forged signature", "Bearer " + forger.mint("e", List.of("editors"), now, Duration.ofHours(1),
                        LocalTokens.AUDIENCE), 401),
                Arguments.of("tampered claims", "Bearer " + tamper(valid), 401),
                Arguments.of("a reader's token", "Bearer " + TestApi.TOKENS.mint("r", List.of("readers"), now, Duration.ofHours(1),
                        LocalTokens.AUDIENCE), 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void writes_refuseAnythingButAValidEditorToken(String why, String authorization, int status) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }

        HttpResponse<String> response = send("POST", "/articles", "/articles", STORY.formatted("Qwertyzz " + why), headers);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(titles("/articles?q=qwertyzz")).isEmpty();
    }

    @Test
    void aRetriedCreate_withTheSameIdempotencyKey_createsOneArticle() {
        String title = "Idempotent harbour " + System.nanoTime();
        String key = "retry-" + System.nanoTime();

        HttpResponse<String> first = write("POST", "/articles", "/articles", STORY.formatted(title), Map.of("Idempotency-Key", key));
        HttpResponse<String> retry = write("POST", "/articles", "/articles", STORY.formatted(title), Map.of("Idempotency-Key", key));
        HttpResponse<String> reuse = write("POST", "/articles", "/articles", STORY.formatted(title + " changed"), Map.of("Idempotency-Key", key));

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
        assertThat(reuse.statusCode()).isEqualTo(422);
    }

    @Test
    void validationFailures_nameTheField() {
        HttpResponse<String> noTitle = write("POST", "/articles", "/articles", "{\"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}]}", Map.of());
        HttpResponse<String> massAssignment = write("POST", "/articles", "/articles",
                "{\"title\": \"T\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}], \"version\": 99}", Map.of());
        HttpResponse<String> wrongType = write("POST", "/articles", "/articles", STORY.formatted("x"), Map.of("Content-Type", "text/plain"));
        HttpResponse<String> noIfMatch = write("PUT", "/articles/0123456789abcdef", "/articles/{id}", STORY.formatted("x"), Map.of());

        assertThat(noTitle.statusCode()).isEqualTo(422);
        assertThat(json(noTitle).get("field").asText()).isEqualTo("title");
        assertThat(massAssignment.statusCode()).isEqualTo(422);
        assertThat(json(massAssignment).get("field").asText()).isEqualTo("version");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(noIfMatch.statusCode()).isIn(404, 428);
    }

    @Test
    void concurrentEditors_withTheSameETag_exactlyOneWins() throws Exception {
        HttpResponse<String> created = write("POST", "/articles", "/articles", STORY.formatted("Contended " + System.nanoTime()), Map.of());
        String id = json(created).get("id").asText();
        String etag = etag(created);
        int editors = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(editors)) {
            for (int i = 0; i < editors; i++) {
                String body = "{\"summary\": \"Edit " + i + "\"}";
                results.add(pool.submit(() -> {
                    start.await();
                    return write("PATCH", "/articles/" + id, "/articles/{id}", body, Map.of("If-Match", etag)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 200).containsOnly(412);
        }
    }

    /** The same token with its payload swapped for one claiming another subject: the signature no longer matches. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("editor-e2e", "someone-else");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
    }
}

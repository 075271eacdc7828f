package com.newsapi.local;

import static com.newsapi.local.TestApi.get;
import static com.newsapi.local.TestApi.json;
import static com.newsapi.local.TestApi.titles;
import static com.newsapi.local.TestApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scheduled publishing over HTTP: an article scheduled ahead is stored as scheduled and absent from
 * every read. That it appears on every read from its instant is checked where the clock can be set,
 * through the handlers with the same events (functions' ScheduledPublishingTest): this server, shared
 * by every test here, follows the system clock (moved on only to wait out rate limits), and a test
 * here never waits for it.
 */
class SchedulingEndToEndTest {

    @Test
    void aScheduledArticle_isStoredAsScheduled_andInvisibleOnEveryRead() {
        String word = "zeppelin" + System.nanoTime() % 100_000;
        Instant publishAt = TestApi.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<String> created = write("POST", "/articles", "/articles", """
                {"title": "Airship lands %s", "body": [{"type": "paragraph", "text": "The %s landed."}],
                 "tags": ["%s"], "status": "scheduled", "publishAt": "%s"}""".formatted(word, word, word, publishAt), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode article = json(created);
        assertThat(article.get("status").asText()).isEqualTo("scheduled");
        assertThat(article.get("publishedAt").asText()).isEqualTo(publishAt.toString());
        String id = article.get("id").asText();

        assertThat(get("/articles/" + id, "/articles/{id}").statusCode()).isEqualTo(404);
        assertThat(titles("/articles?q=" + word)).isEmpty();
        assertThat(titles("/articles?tag=" + word)).isEmpty();
        assertThat(tagNames()).doesNotContain(word);

        HttpResponse<String> deleted = write("DELETE", "/articles/" + id, "/articles/{id}", null,
                Map.of("If-Match", TestApi.etag(created)));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    }

    @Test
    void schedulingRules_areChecked_withProblemsNamingTheField() {
        String story = "{\"title\": \"Rules\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}], %s}";
        assertThat(field(write("POST", "/articles", "/articles", story.formatted("\"status\": \"scheduled\""), Map.of())))
                .isEqualTo("publishAt");
        assertThat(field(write("POST", "/articles", "/articles",
                story.formatted("\"status\": \"scheduled\", \"publishAt\": \"2020-01-01T00:00:00Z\""), Map.of())))
                .isEqualTo("publishAt");
        assertThat(field(write("POST", "/articles", "/articles",
                story.formatted("\"status\": \"published\", \"publishAt\": \"2099-01-01T00:00:00Z\""), Map.of())))
                .isEqualTo("publishAt");
        assertThat(field(write("POST", "/articles", "/articles",
                story.formatted("\"status\": \"scheduled\", \"publishAt\": \"tomorrow\""), Map.of())))
                .isEqualTo("publishAt");

        HttpResponse<String> published = write("POST", "/articles", "/articles", story.formatted("\"status\": \"published\""), Map.of());
        String id = json(published).get("id").asText();
        HttpResponse<String> rescheduled = write("PATCH", "/articles/" + id, "/articles/{id}",
                "{\"status\": \"scheduled\", \"publishAt\": \"2099-01-01T00:00:00Z\"}",
                Map.of("If-Match", TestApi.etag(published)));
        assertThat(field(rescheduled)).isEqualTo("status");
        TestApi.deletePublished(id);
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return json(response).get("field").asText();
    }

    private static java.util.List<String> tagNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        json(get("/tags", "/tags")).get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}

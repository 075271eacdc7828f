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
 * Scheduled publishing over HTTP: an article scheduled a few seconds ahead is absent from every
 * read until that instant and present in every read from it, with nothing run in between.
 */
class SchedulingEndToEndTest {

    @Test
    void aScheduledArticle_isInvisibleUntilItsInstant_thenEverywhere() throws InterruptedException {
        String word = "zeppelin" + System.nanoTime() % 100_000;
        Instant publishAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
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

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), publishAt).toMillis()) + 50);

        HttpResponse<String> visible = get("/articles/" + id, "/articles/{id}");
        assertThat(visible.statusCode()).isEqualTo(200);
        assertThat(json(visible).get("status").asText()).isEqualTo("published");
        assertThat(titles("/articles?q=" + word)).hasSize(1);
        assertThat(titles("/articles?tag=" + word)).hasSize(1);
        assertThat(tagNames()).contains(word);
        TestApi.deletePublished(id);
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

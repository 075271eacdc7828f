package com.newsapi.local;

import static com.newsapi.local.TestApi.etag;
import static com.newsapi.local.TestApi.get;
import static com.newsapi.local.TestApi.json;
import static com.newsapi.local.TestApi.send;
import static com.newsapi.local.TestApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editors' desk over HTTP through the local API: list, read and unpublish; every answer checked against openapi.yaml. */
class DeskEndToEndTest {

    private static final String STORY = """
            {"title": "%s", "summary": "Desk news.", "tags": ["desk"],
             "body": [{"type": "paragraph", "text": "The desk reopened."}]}""";

    @Test
    void anEditor_findsADraftOnTheDesk_publishesIt_andUnpublishesIt() {
        String title = "Desk draft " + System.nanoTime();
        HttpResponse<String> created = write("POST", "/articles", "/articles", STORY.formatted(title), Map.of());
        String id = json(created).get("id").asText();

        assertThat(deskTitles("/desk/articles?status=draft&tag=desk&limit=100")).contains(title);
        HttpResponse<String> read = desk("/desk/articles/" + id, "/desk/articles/{id}");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(etag(read)).isEqualTo(etag(created));
        assertThat(read.headers().firstValue("cache-control")).hasValue("private, no-store");

        HttpResponse<String> published = write("POST", "/articles/" + id + "/publish", "/articles/{id}/publish", null,
                Map.of("If-Match", etag(read)));
        assertThat(get("/articles/" + id, "/articles/{id}").statusCode()).isEqualTo(200);
        assertThat(deskTitles("/desk/articles?status=published&tag=desk&limit=100")).contains(title);

        HttpResponse<String> unpublished = write("POST", "/articles/" + id + "/unpublish", "/articles/{id}/unpublish", null,
                Map.of("If-Match", etag(published)));
        assertThat(unpublished.statusCode()).isEqualTo(200);
        assertThat(json(unpublished).get("status").asText()).isEqualTo("draft");
        assertThat(get("/articles/" + id, "/articles/{id}").statusCode()).isEqualTo(404);
        assertThat(deskTitles("/desk/articles?status=published&tag=desk&limit=100")).doesNotContain(title);
        assertThat(deskTitles("/desk/articles?status=draft&tag=desk&limit=100")).contains(title);
    }

    @Test
    void theDesk_isForEditorsOnly() {
        assertThat(get("/desk/articles", "/desk/articles").statusCode()).isEqualTo(401);
        assertThat(get("/desk/articles/0123456789abcdef", "/desk/articles/{id}").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/articles/0123456789abcdef/unpublish", "/articles/{id}/unpublish", null, Map.of())
                .statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> desk(String pathAndQuery, String template) {
        return send("GET", pathAndQuery, template, null, Map.of("Authorization", "Bearer " + TestApi.editorToken()));
    }

    private static List<String> deskTitles(String pathAndQuery) {
        HttpResponse<String> response = desk(pathAndQuery, "/desk/articles");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        for (JsonNode item : json(response).get("items")) {
            titles.add(item.get("title").asText());
        }
        return titles;
    }
}

package com.newsapi.local;

import static com.newsapi.local.TestApi.etag;
import static com.newsapi.local.TestApi.get;
import static com.newsapi.local.TestApi.json;
import static com.newsapi.local.TestApi.send;
import static com.newsapi.local.TestApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Preview links over HTTP through the local API: the url it answers is one that works there; every answer checked against openapi.yaml. */
class PreviewEndToEndTest {

    private static final String DRAFT = """
            {"title": "%s", "summary": "Not out yet.",
             "body": [{"type": "paragraph", "text": "The council votes on <Tuesday> & Wednesday."}],
             "author": {"name": "Lena Fischer"}}""";

    @Test
    void anEditorsPreviewLink_showsTheDraftToAnyone_untilTheDraftIsDeleted() {
        String title = "Council vote " + System.nanoTime();
        HttpResponse<String> created = write("POST", "/articles", "/articles", DRAFT.formatted(title), Map.of());
        String id = json(created).get("id").asText();

        HttpResponse<String> link = write("POST", "/desk/articles/" + id + "/preview", "/desk/articles/{id}/preview",
                "{\"expiresInHours\": 2}", Map.of());

        assertThat(link.statusCode()).isEqualTo(201);
        URI url = URI.create(json(link).get("url").asText());
        assertThat(url.getPath()).isEqualTo("/preview/" + json(link).get("token").asText());
        assertThat(TestApi.uri(url.getPath())).isEqualTo(url);

        HttpResponse<String> page = send("GET", url.getPath(), "/preview/{token}", null, Map.of("Accept", "text/html"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("cache-control")).hasValue("private, no-store");
        assertThat(page.headers().firstValue("x-robots-tag")).hasValue("noindex");
        assertThat(page.headers().firstValue("content-security-policy")).get().asString().startsWith("default-src 'none'");
        assertThat(page.body()).contains("Preview — not published", title, "&lt;Tuesday&gt; &amp; Wednesday");

        HttpResponse<String> article = send("GET", url.getPath(), "/preview/{token}", null, Map.of("Accept", "application/json"));
        JsonNode shown = json(article);
        assertThat(shown.get("status").asText()).isEqualTo("draft");
        assertThat(get("/articles/" + id, "/articles/{id}").statusCode()).isEqualTo(404);

        assertThat(write("DELETE", "/articles/" + id, "/articles/{id}", null, Map.of("If-Match", etag(created))).statusCode()).isEqualTo(204);
        assertThat(send("GET", url.getPath(), "/preview/{token}", null, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void makingALink_needsAnEditorsToken_andAnAlteredLinkShowsNothing() {
        assertThat(send("POST", "/desk/articles/76d4847c855c7079/preview", "/desk/articles/{id}/preview", null, Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/preview/eyJrIjoicHJldmlldyJ9.AAAA", "/preview/{token}", null, Map.of()).statusCode()).isEqualTo(404);
    }
}

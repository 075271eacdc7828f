package com.newsapi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.model.Article;
import com.newsapi.model.SyncEntry;
import com.newsapi.testing.Articles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON shapes openapi.yaml promises, above all the sync items that say what they are in {@code kind}. */
class ArticleJsonTest {

    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private final Article article = Articles.published("Harbour reopens", AT);

    @Test
    void aSyncPage_tellsArticlesAndTombstonesApart_byKind_writtenFirst() throws IOException {
        String id = "0123456789abcdef";
        JsonNode page = Json.mapper().readTree(ArticleJson.sync(
                List.of(new SyncEntry(Optional.of(article), article.id(), null),
                        new SyncEntry(Optional.empty(), id, AT)),
                EnumSet.of(ArticleFields.ID, ArticleFields.TITLE, ArticleFields.VERSION),
                Optional.empty(), Optional.of("token")));

        JsonNode upsert = page.get("items").get(0);
        assertThat(names(upsert)).containsExactly("kind", "id", "title", "version");
        assertThat(upsert.get("kind").asText()).isEqualTo("article");
        assertThat(page.get("items").get(1).toString())
                .isEqualTo("{\"kind\":\"deleted\",\"id\":\"" + id + "\",\"deleted\":true,\"at\":\"2026-11-23T08:00:00Z\"}");
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(page.get("nextSyncToken").asText()).isEqualTo("token");
    }

    @Test
    void listsAndSingleArticles_carryNoKind() throws IOException {
        JsonNode one = Json.mapper().readTree(ArticleJson.article(article, ArticleFields.ARTICLE_DEFAULT));
        JsonNode list = Json.mapper().readTree(ArticleJson.list(List.of(article), ArticleFields.LIST_DEFAULT, Optional.empty()));

        assertThat(one.has("kind")).isFalse();
        assertThat(list.get("items").get(0).has("kind")).isFalse();
        assertThat(list.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void counts_lastPage_hasANullCursor() throws IOException {
        JsonNode counts = Json.mapper().readTree(ArticleJson.counts(List.of(), Optional.empty()));

        assertThat(counts.get("items")).isEmpty();
        assertThat(counts.has("nextCursor")).isTrue();
        assertThat(counts.get("nextCursor").isNull()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

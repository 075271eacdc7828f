package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.codec.SyncTokens;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.service.EditorService;
import com.newsapi.service.SyncService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.store.Tombstone;
import com.newsapi.testing.EventFiles;
import com.newsapi.testing.TestDatabase;
import com.newsapi.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** GET /sync, rule by rule: the first pass, deltas, tombstones, filters, scheduled articles, and refused tokens. */
class SyncHandlerTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final DynamoDbClient dynamo = TestDatabase.client();
    private final ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
    private final EditorService editor = new EditorService(store, clock);
    private final SyncHandler sync = new SyncHandler(new SyncService(store, clock), new SyncTokens(HandlerFactory.SYNC_KEY));

    @Test
    void firstSync_returnsEveryPublishedArticle_paged_thenAToken() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(create("Story " + i, ArticleStatus.PUBLISHED, List.of("world")).id());
            clock.advance(Duration.ofMinutes(1));
        }
        create("A draft", ArticleStatus.DRAFT, List.of("world"));

        JsonNode first = page(Map.of("limit", "2"));
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("nextSyncToken").isNull()).isTrue();
        List<String> seen = new ArrayList<>(ids(first));
        JsonNode next = first;
        while (!next.get("nextCursor").isNull()) {
            next = page(Map.of("limit", "2", "cursor", next.get("nextCursor").asText()));
            seen.addAll(ids(next));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(published);
        assertThat(next.get("nextSyncToken").asText()).isNotBlank();
        assertThat(first.get("items").get(0).get("body")).isNotNull();
        assertThat(first.get("items").get(0).get("version").asLong()).isEqualTo(1);
        assertThat(first.get("items").get(0).get("kind").asText()).isEqualTo("article");
        assertThat(first.get("items").get(0).fieldNames().next()).as("kind comes first").isEqualTo("kind");
    }

    @Test
    void delta_returnsUpdatesAndTombstones_forDeletedAndUnpublishedArticles() {
        Article kept = create("Kept", ArticleStatus.PUBLISHED, List.of("world"));
        Article edited = create("Edited", ArticleStatus.PUBLISHED, List.of("world"));
        Article deleted = create("Deleted", ArticleStatus.PUBLISHED, List.of("world"));
        Article unpublished = create("Unpublished", ArticleStatus.PUBLISHED, List.of("world"));
        clock.advance(Duration.ofMinutes(5)); // past the settling window: the next delta re-sends nothing of this
        String token = fullSync(Map.of());
        clock.advance(Duration.ofMinutes(5));

        editor.replace(edited.id(), 1, draft("Edited again", ArticleStatus.PUBLISHED, List.of("world")));
        editor.delete(deleted.id(), 1);
        editor.replace(unpublished.id(), 1, draft("Unpublished", ArticleStatus.DRAFT, List.of("world")));
        Article created = create("New", ArticleStatus.PUBLISHED, List.of("sport"));

        JsonNode delta = page(Map.of("syncToken", token));
        Map<String, JsonNode> byId = byId(delta);
        assertThat(byId).containsOnlyKeys(edited.id(), deleted.id(), unpublished.id(), created.id());
        assertThat(byId.get(edited.id()).get("version").asLong()).isEqualTo(2);
        assertThat(byId.get(edited.id()).get("title").asText()).isEqualTo("Edited again");
        assertThat(byId.get(edited.id()).get("kind").asText()).isEqualTo("article");
        assertThat(byId.get(created.id()).get("kind").asText()).isEqualTo("article");
        // A tombstone is exactly {"kind": "deleted", "id", "deleted": true, "at"}, kind first.
        assertThat(byId.get(deleted.id()).toString()).isEqualTo("{\"kind\":\"deleted\",\"id\":\"" + deleted.id()
                + "\",\"deleted\":true,\"at\":\"" + clock.instant() + "\"}");
        assertThat(byId.get(unpublished.id()).get("kind").asText()).isEqualTo("deleted");
        assertThat(byId.get(unpublished.id()).get("deleted").asBoolean()).isTrue();
        assertThat(byId).doesNotContainKey(kept.id());
        assertThat(delta.get("nextSyncToken").asText()).isNotBlank();
    }

    @Test
    void unpublish_leavesATombstoneInTheDelta_forAPublishedArticle_andTakesAScheduledOneBackToDraft() {
        Article published = create("Out now", ArticleStatus.PUBLISHED, List.of("world"));
        Article scheduled = editor.create(new ArticleDraft("Out later", "Summary.", List.of(Block.paragraph("Text.")),
                null, List.of("world"), Optional.of(ArticleStatus.SCHEDULED), Optional.of(clock.instant().plus(Duration.ofDays(1)))));
        clock.advance(Duration.ofMinutes(5));
        String token = fullSync(Map.of());
        clock.advance(Duration.ofMinutes(5));

        Article unpublished = editor.unpublish(published.id(), 1, Optional.empty());
        Article unscheduled = editor.unpublish(scheduled.id(), 1, Optional.empty());

        assertThat(unpublished.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(unscheduled.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(unscheduled.publishedAt()).as("a plan, never a publication: dropped").isNull();
        assertThat(editor.unpublish(published.id(), 2, Optional.empty())).as("idempotent on a draft")
                .extracting(Article::version, Article::status).containsExactly(2L, ArticleStatus.DRAFT);
        Map<String, JsonNode> byId = byId(page(Map.of("syncToken", token)));
        assertThat(byId).containsOnlyKeys(published.id(), scheduled.id());
        assertThat(byId.get(published.id()).get("kind").asText()).isEqualTo("deleted");
        assertThat(byId.get(published.id()).get("at").asText()).isEqualTo(clock.instant().toString());
        assertThat(byId.get(scheduled.id()).get("kind").asText()).isEqualTo("deleted");
    }

    @Test
    void filteredDelta_sendsATombstone_forAnArticleThatLeftTheFilter() {
        Article moved = create("Moved", ArticleStatus.PUBLISHED, List.of("world"));
        clock.advance(Duration.ofMinutes(5));
        String token = fullSync(Map.of("tag", "world"));
        clock.advance(Duration.ofMinutes(5));
        editor.replace(moved.id(), 1, draft("Moved", ArticleStatus.PUBLISHED, List.of("sport")));
        Article later = create("Later sport story", ArticleStatus.PUBLISHED, List.of("sport"));

        Map<String, JsonNode> byId = byId(page(Map.of("tag", "world", "syncToken", token)));

        assertThat(byId).containsOnlyKeys(moved.id()); // the later story was never in this client's copy
        assertThat(byId.get(moved.id()).get("kind").asText()).isEqualTo("deleted");
        assertThat(byId.get(moved.id()).get("deleted").asBoolean()).isTrue();
        assertThat(later.id()).isNotNull();
    }

    @Test
    void aScheduledArticle_appearsInTheDelta_onlyOnceItsInstantHasCome() {
        String token = fullSync(Map.of());
        Instant publishAt = clock.instant().plus(Duration.ofMinutes(30));
        Article scheduled = editor.create(new ArticleDraft("Tomorrow's story", null, List.of(Block.paragraph("Soon.")),
                null, List.of(), Optional.of(ArticleStatus.SCHEDULED), Optional.of(publishAt)));

        clock.set(publishAt.minusMillis(1));
        JsonNode before = page(Map.of("syncToken", token));
        assertThat(ids(before)).doesNotContain(scheduled.id());

        clock.set(publishAt);
        JsonNode after = page(Map.of("syncToken", before.get("nextSyncToken").asText()));
        assertThat(ids(after)).contains(scheduled.id());
        assertThat(byId(after).get(scheduled.id()).get("status").asText()).isEqualTo("published");
    }

    @Test
    void aTokenOlderThanTheTombstoneRetention_isGone() {
        String token = fullSync(Map.of());
        clock.advance(Tombstone.RETENTION.plusMinutes(2));

        APIGatewayV2HTTPResponse response = sync.handleRequest(event(Map.of("syncToken", token)), null);

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(json(response).get("type").asText()).isEqualTo("urn:news-api:problem:sync-token-expired");
    }

    @Test
    void aTamperedToken_aTokenFromAnotherFilter_andACursorAsAToken_areRefused() {
        create("Story", ArticleStatus.PUBLISHED, List.of("world"));
        String token = fullSync(Map.of("tag", "world"));
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        create("Another", ArticleStatus.PUBLISHED, List.of("world"));
        String cursor = page(Map.of("limit", "1")).get("nextCursor").asText();

        assertThat(status(Map.of("tag", "world", "syncToken", tampered))).isEqualTo(400);
        assertThat(status(Map.of("tag", "sport", "syncToken", token))).isEqualTo(400);
        assertThat(status(Map.of("syncToken", cursor))).isEqualTo(400);
        assertThat(status(Map.of("syncToken", "garbage"))).isEqualTo(400);
        assertThat(status(Map.of("cursor", cursor, "syncToken", token))).isEqualTo(400);
        assertThat(status(Map.of("q", "story"))).isEqualTo(400);
        assertThat(status(Map.of("tag", "world", "syncToken", token))).isEqualTo(200);
    }

    private String fullSync(Map<String, String> filter) {
        JsonNode page = page(filter);
        while (!page.get("nextCursor").isNull()) {
            Map<String, String> query = new HashMap<>(filter);
            query.put("cursor", page.get("nextCursor").asText());
            page = page(query);
        }
        return page.get("nextSyncToken").asText();
    }

    private Article create(String title, ArticleStatus status, List<String> tags) {
        return editor.create(draft(title, status, tags));
    }

    private static ArticleDraft draft(String title, ArticleStatus status, List<String> tags) {
        return new ArticleDraft(title, "Summary.", List.of(Block.paragraph("Text of " + title)),
                new Author("Ada Reporter", null), tags, Optional.of(status), Optional.empty());
    }

    private int status(Map<String, String> query) {
        return sync.handleRequest(event(query), null).getStatusCode();
    }

    private JsonNode page(Map<String, String> query) {
        APIGatewayV2HTTPResponse response = sync.handleRequest(event(query), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        return json(response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Map<String, JsonNode> byId(JsonNode page) {
        Map<String, JsonNode> items = new HashMap<>();
        page.get("items").forEach(item -> items.put(item.get("id").asText(), item));
        return items;
    }

    /** The real GET /sync event of events/, with {@code query} as its query string. */
    static APIGatewayV2HTTPEvent event(Map<String, String> query) {
        return EventFiles.withQuery("sync.json", query);
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

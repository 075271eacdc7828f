package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.SyncTokens;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.service.EditorService;
import com.newsapi.service.IdempotencyKey;
import com.newsapi.service.RenderedArticle;
import com.newsapi.service.SyncService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.store.Tombstone;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Items past their TTL are still in the table: DynamoDB deletes them up to about 48 hours after
 * {@code expiresAt}, and the local engine never does. Every reader decides expiry by the attribute,
 * against its own clock, so an expired idempotency record or tombstone behaves as if already gone.
 */
class ExpiredItemsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final EditorService editor = new EditorService(store, clock);
    private final SyncHandler sync = new SyncHandler(new SyncService(store, clock), new SyncTokens(HandlerFactory.SYNC_KEY));

    @Test
    void anIdempotencyKeyPastItsWindow_createsANewArticle_andIsReplayedForThatOneAfterwards() {
        IdempotencyKey key = IdempotencyKey.of("editor-1", "key-1", "{\"title\":\"Harbour news\"}");
        Article first = made(editor.create(draft("Harbour news"), Optional.of(key), answer("first"), Optional.empty()));
        clock.advance(Duration.ofHours(25));
        assertThat(expiredItemsLeft()).as("the first record is past expiresAt but still stored, as before TTL deletes it")
                .isEqualTo(1);

        EditorService.Created second = editor.create(draft("Harbour news"), Optional.of(key), answer("second"), Optional.empty());

        assertThat(second).as("a new article, not a replay of the expired record").isInstanceOf(EditorService.Made.class);
        assertThat(made(second).id()).isNotEqualTo(first.id());
        assertThat(expiredItemsLeft()).as("the expired record was replaced by the new one").isZero();
        EditorService.Created retry = editor.create(draft("Harbour news"), Optional.of(key), answer("third"), Optional.empty());
        assertThat(retry).isInstanceOfSatisfying(EditorService.Replayed.class,
                replayed -> assertThat(replayed.articleId()).isEqualTo(made(second).id()));
    }

    @Test
    void aTombstonePastItsRetention_isInNoSync_thoughTheTableStillHoldsIt() {
        Article deleted = create("Deleted long ago");
        editor.delete(deleted.id(), 1);
        clock.advance(Tombstone.RETENTION.plusDays(1));

        JsonNode fullSync = page(Map.of());
        String token = fullSync.get("nextSyncToken").asText();
        clock.advance(Duration.ofMinutes(5));
        Article later = create("Later story");
        JsonNode delta = page(Map.of("syncToken", token));

        assertThat(expiredItemsLeft()).as("the engine keeps expired items, as DynamoDB may for ~48 h").isPositive();
        assertThat(ids(fullSync)).doesNotContain(deleted.id());
        assertThat(ids(delta)).containsExactly(later.id());
    }

    /** Items whose expiresAt lies before the test clock's now. */
    private long expiredItemsLeft() {
        long now = clock.instant().getEpochSecond();
        return dynamo.scan(scan -> scan.tableName(table)).items().stream()
                .filter(item -> item.containsKey("expiresAt") && Long.parseLong(item.get("expiresAt").n()) < now)
                .count();
    }

    private Article create(String title) {
        return editor.create(draft(title));
    }

    /** A stand-in rendering: these tests look at which article a key answers for, not at the body. */
    private static RenderedArticle.Renderer answer(String body) {
        return article -> new RenderedArticle(body, "\"1\"");
    }

    private static Article made(EditorService.Created created) {
        return ((EditorService.Made) created).article();
    }

    private static ArticleDraft draft(String title) {
        return new ArticleDraft(title, "Summary.", List.of(Block.paragraph("Text of " + title)),
                new Author("Ada Reporter", null), List.of("coast"), Optional.of(ArticleStatus.PUBLISHED), Optional.empty());
    }

    private JsonNode page(Map<String, String> query) {
        JsonNode page = SyncHandlerTest.json(sync.handleRequest(SyncHandlerTest.event(query), null));
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        while (!page.get("nextCursor").isNull()) {
            Map<String, String> next = new HashMap<>(query);
            next.put("cursor", page.get("nextCursor").asText());
            page = SyncHandlerTest.json(sync.handleRequest(SyncHandlerTest.event(next), null));
            page.get("items").forEach(items::add);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) page).putArray("items").addAll(items);
        return page;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}

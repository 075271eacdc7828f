package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.SyncTokens;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.service.SyncService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import com.newsapi.testing.TestDatabase;
import com.newsapi.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Delta sync converges: random creates, edits, publishes, schedules, unpublishes and deletes,
 * interleaved with sync calls through the handler (small pages, so cursors are used). After every
 * completed sync, each client that applied every page in order holds exactly the server's visible
 * set for its filter, ids and versions.
 */
class SyncConvergenceTest {

    private static final List<String> TAGS = List.of("world", "sport", "tech");
    private static final List<String> AUTHORS = List.of("Ada Reporter", "Bo Writer");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final DynamoDbClient dynamo = TestDatabase.client();
    private final ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
    private final EditorService editor = new EditorService(store, clock);
    private final ArticleService reader = new ArticleService(store, clock);
    private final SyncHandler sync = new SyncHandler(new SyncService(store, clock), new SyncTokens(HandlerFactory.SYNC_KEY));

    /** A client's offline copy: id to version, and the token its next sync starts from. */
    private final class Client {
        final Map<String, String> filter;
        final Map<String, Long> copy = new TreeMap<>();
        Optional<String> token = Optional.empty();
        int tombstones;

        Client(Map<String, String> filter) {
            this.filter = filter;
        }

        void sync() {
            Optional<String> cursor = Optional.empty();
            do {
                Map<String, String> query = new HashMap<>(filter);
                query.put("limit", "4");
                query.put("fields", "title");
                cursor.ifPresent(value -> query.put("cursor", value));
                if (cursor.isEmpty()) {
                    token.ifPresent(value -> query.put("syncToken", value));
                }
                APIGatewayV2HTTPResponse response = sync.handleRequest(SyncHandlerTest.event(query), null);
                assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
                JsonNode page = SyncHandlerTest.json(response);
                for (JsonNode item : page.get("items")) {
                    switch (item.get("kind").asText()) {
                        case "deleted" -> {
                            copy.remove(item.get("id").asText());
                            tombstones++;
                        }
                        case "article" -> copy.put(item.get("id").asText(), item.get("version").asLong());
                        default -> throw new AssertionError("unknown kind: " + item);
                    }
                }
                cursor = Optional.ofNullable(page.get("nextCursor").textValue());
                if (cursor.isEmpty()) {
                    token = Optional.of(page.get("nextSyncToken").asText());
                }
            } while (cursor.isPresent());
        }

        Map<String, Long> expected() {
            ArticleQuery query = new ArticleQuery(Optional.ofNullable(filter.get("tag")), Optional.ofNullable(filter.get("author")),
                    Optional.empty(), Optional.empty(), com.newsapi.search.SearchQuery.NONE);
            Map<String, Long> visible = new TreeMap<>();
            Optional<FeedKey> after = Optional.empty();
            do {
                Page<Article> page = reader.list(query, after, 100, true);
                page.items().forEach(article -> visible.put(article.id(), article.version()));
                after = page.next();
            } while (after.isPresent());
            return visible;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2026})
    void everyClientEndsWithExactlyTheServersPublishedSet(long seed) {
        Random random = new Random(seed);
        List<Client> clients = List.of(new Client(Map.of()), new Client(Map.of("tag", "world")),
                new Client(Map.of("author", "bo writer")));
        List<String> ids = new ArrayList<>();
        int syncs = 0;
        for (int step = 0; step < 220; step++) {
            clock.advance(Duration.ofSeconds(random.nextInt(40)));
            change(random, ids);
            if (random.nextInt(12) == 0) {
                Client client = clients.get(random.nextInt(clients.size()));
                client.sync();
                syncs++;
                assertThat(client.copy).as("client %s after sync %d", client.filter, syncs).isEqualTo(client.expected());
            }
        }
        clock.advance(Duration.ofHours(2)); // every scheduled article is now due
        for (Client client : clients) {
            client.sync();
            assertThat(client.copy).as("client %s at the end", client.filter).isEqualTo(client.expected());
            assertThat(client.copy).isNotEmpty();
        }
        assertThat(clients.get(0).tombstones).as("tombstones applied by the unfiltered client").isPositive();
    }

    private void change(Random random, List<String> ids) {
        int kind = ids.isEmpty() ? 0 : random.nextInt(8);
        try {
            switch (kind) {
                case 0, 1 -> ids.add(editor.create(draft(random, random.nextBoolean() ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT)).id());
                case 2, 3 -> {
                    Article current = editor.get(pick(random, ids));
                    editor.replace(current.id(), current.version(), draft(random, current.status()));
                }
                case 4 -> {
                    Article current = editor.get(pick(random, ids));
                    editor.publish(current.id(), current.version());
                }
                case 5 -> {
                    Article current = editor.get(pick(random, ids));
                    if (!current.isVisibleAt(clock.instant())) {
                        editor.replace(current.id(), current.version(), draft(random, ArticleStatus.SCHEDULED));
                    }
                }
                case 6 -> {
                    Article current = editor.get(pick(random, ids));
                    editor.replace(current.id(), current.version(), draft(random, ArticleStatus.DRAFT));
                }
                default -> {
                    String id = pick(random, ids);
                    Article current = editor.get(id);
                    editor.delete(id, current.version());
                    ids.remove(id);
                }
            }
        } catch (com.newsapi.error.ArticleNotFound e) {
            throw new AssertionError(e);
        }
    }

    private ArticleDraft draft(Random random, ArticleStatus status) {
        List<String> tags = TAGS.stream().filter(tag -> random.nextInt(3) == 0).toList();
        Optional<Instant> publishAt = status == ArticleStatus.SCHEDULED
                ? Optional.of(clock.instant().plusSeconds(1 + random.nextInt(600))) : Optional.empty();
        return new ArticleDraft("Story " + random.nextInt(1_000_000), "A summary.",
                List.of(Block.paragraph("Text " + random.nextInt())), new Author(AUTHORS.get(random.nextInt(2)), null),
                tags, Optional.of(status), publishAt);
    }

    private static String pick(Random random, List<String> ids) {
        return ids.get(random.nextInt(ids.size()));
    }
}

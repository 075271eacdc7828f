package com.newsapi.local;

import static com.newsapi.local.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.newsapi.events.ChangeEvent;
import com.newsapi.events.EventSink;
import com.newsapi.handler.PublishChangesHandler;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Change events from the local engine's own stream, through the real PublishChangesHandler, for
 * writes over HTTP. The pump reads the test JVM's local API's table (one seeded local API per test
 * JVM, see TestApi), next to the one the API runs itself.
 */
class StreamPumpTest {

    private static final String STORY = """
            {"title": "%s", "status": "published",
             "body": [{"type": "paragraph", "text": "The pump carried the news."}]}""";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RecordingSink SINK = new RecordingSink();
    private static final Set<String> OURS = ConcurrentHashMap.newKeySet();
    /** Our articles not deleted yet, with their latest ETag: the reader tests expect the seeded articles only. */
    private static final Map<String, String> LIVE = new ConcurrentHashMap<>();
    private static StreamPump pump;

    @BeforeAll
    static void startPump() {
        assumeTrue(TestApi.API != null, "needs the in-process local API");
        pump = StreamPump.start(TestApi.API.dynamo(), LocalApi.TABLE_NAME, new PublishChangesHandler(SINK));
    }

    /** Waits for their events too, so none is left for the next test's refusals to catch. */
    @AfterEach
    void deleteOurArticles() {
        LIVE.forEach((id, etag) -> {
            write("DELETE", "/articles/" + id, null, etag);
            await(() -> SINK.of(id).stream().anyMatch(event -> event.type().equals(ChangeEvent.DELETED)));
        });
    }

    @AfterAll
    static void stopPump() {
        if (pump != null) {
            pump.close();
        }
    }

    @Test
    void eachWrite_makesItsEvent_inOrder_andNothingWrittenBeforeTheStartDoes() {
        HttpResponse<String> created = create("Pumped harbour " + System.nanoTime());
        String id = json(created).get("id").asText();

        HttpResponse<String> updated = write("PATCH", "/articles/" + id, "{\"summary\": \"Boats are back.\"}", etag(created));
        HttpResponse<String> unpublished = write("PATCH", "/articles/" + id, "{\"status\": \"draft\"}", etag(updated));
        write("DELETE", "/articles/" + id, null, etag(unpublished));

        await(() -> SINK.of(id).size() >= 4);
        assertThat(SINK.of(id)).extracting(ChangeEvent::type, ChangeEvent::version).containsExactly(
                tuple(ChangeEvent.PUBLISHED, 1L), tuple(ChangeEvent.UPDATED, 2L),
                tuple(ChangeEvent.UNPUBLISHED, 3L), tuple(ChangeEvent.DELETED, 3L));
        assertThat(SINK.of(id).get(1).changedFields()).containsExactly("summary");
        assertThat(SINK.of(id)).extracting(ChangeEvent::slug).containsOnly(json(created).get("slug").asText());
        // The seed load and the other tests' writes came before the pump's LATEST position: none of them shows.
        assertThat(SINK.all()).extracting(ChangeEvent::id).allMatch(OURS::contains);
    }

    @Test
    void unpublishing_makesArticleUnpublished() {
        HttpResponse<String> created = create("Pumped unpublish " + System.nanoTime());
        String id = json(created).get("id").asText();

        HttpResponse<String> unpublished = TestApi.send("POST", "/articles/" + id + "/unpublish", "/articles/{id}/unpublish", null,
                Map.of("Authorization", "Bearer " + TestApi.editorToken(), "If-Match", etag(created)));
        assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(200);
        LIVE.put(id, etag(unpublished));

        await(() -> SINK.of(id).size() >= 2);
        assertThat(SINK.of(id)).extracting(ChangeEvent::type, ChangeEvent::version).containsExactly(
                tuple(ChangeEvent.PUBLISHED, 1L), tuple(ChangeEvent.UNPUBLISHED, 2L));
    }

    @Test
    void aRefusedDelivery_isRetriedFromTheFailedRecord_andArrivesOnce() {
        SINK.refuseNext(2);

        HttpResponse<String> created = create("Retried harbour " + System.nanoTime());
        String id = json(created).get("id").asText();
        await(() -> !SINK.of(id).isEmpty());
        write("PATCH", "/articles/" + id, "{\"summary\": \"Later.\"}", etag(created));

        await(() -> SINK.of(id).size() >= 2);
        assertThat(SINK.of(id)).extracting(ChangeEvent::type, ChangeEvent::version)
                .containsExactly(tuple(ChangeEvent.PUBLISHED, 1L), tuple(ChangeEvent.UPDATED, 2L));
        assertThat(SINK.refusalsLeft()).isZero();
    }

    @Test
    void aDeliveryRefusedPastTheRetries_isGivenUp_andLaterChangesStillArrive() {
        SINK.refuseNext(StreamPump.MAX_RETRIES + 1);

        HttpResponse<String> created = create("Lost harbour " + System.nanoTime());
        String id = json(created).get("id").asText();
        await(() -> SINK.refusalsLeft() == 0);
        write("PATCH", "/articles/" + id, "{\"summary\": \"Still here.\"}", etag(created));

        await(() -> !SINK.of(id).isEmpty());
        assertThat(SINK.of(id)).extracting(ChangeEvent::type, ChangeEvent::version).containsExactly(tuple(ChangeEvent.UPDATED, 2L));
    }

    private static HttpResponse<String> create(String title) {
        HttpResponse<String> created = write("POST", "/articles", STORY.formatted(title), null);
        OURS.add(json(created).get("id").asText());
        return created;
    }

    private static HttpResponse<String> write(String method, String path, String body, String ifMatch) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + TestApi.editorToken(),
                "Content-Type", "PATCH".equals(method) ? "application/merge-patch+json" : "application/json"));
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        HttpResponse<String> response = TestApi.send(method, path, path.equals("/articles") ? "/articles" : "/articles/{id}", body, headers);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        if ("DELETE".equals(method)) {
            LIVE.remove(path.substring("/articles/".length()));
        } else {
            LIVE.put(json(response).get("id").asText(), etag(response));
        }
        return response;
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("etag").orElseThrow();
    }

    /** Waits for the pump's thread; the assertions after it say what was expected when it did not come. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Collects delivered events; refuses the next n deliveries whole, as a throttled event bus would. */
    private static final class RecordingSink implements EventSink {
        private final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
        private final AtomicInteger refusals = new AtomicInteger();

        @Override
        public int send(List<ChangeEvent> changes) {
            if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return 0;
            }
            events.addAll(changes);
            return changes.size();
        }

        void refuseNext(int deliveries) {
            refusals.set(deliveries);
        }

        int refusalsLeft() {
            return refusals.get();
        }

        List<ChangeEvent> all() {
            return List.copyOf(events);
        }

        List<ChangeEvent> of(String id) {
            return events.stream().filter(event -> event.id().equals(id)).toList();
        }
    }
}

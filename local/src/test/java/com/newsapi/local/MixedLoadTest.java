package com.newsapi.local;

import static com.newsapi.local.TestApi.json;
import static com.newsapi.local.TestApi.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many clients on loopback mixing reads and writes, a fixed number of requests each: no 5xx, and at
 * the end the server holds exactly the articles the clients believe they left published (none lost,
 * none duplicated), at the versions they last saw, with tag counts and search in step. A client the
 * write rate limit answers 429 waits out its Retry-After on the local API's clock, which it moves on
 * instead of sleeping.
 */
class MixedLoadTest {

    private static final int CLIENTS = 8;
    private static final int STEPS_PER_CLIENT = 100;
    private final String marker = "loadrun" + Long.toString(System.nanoTime(), 36);

    /** What a client believes about one of its articles. */
    record Belief(String etag, boolean published) {
    }

    @Test
    void mixedReadsAndWrites_leaveNoServerErrors_andExactlyTheExpectedArticles() throws Exception {
        Map<String, Belief> beliefs = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger throttled = new AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    String token = "Bearer " + TestApi.editorToken();
                    List<String> mine = new ArrayList<>();
                    for (int step = 0; step < STEPS_PER_CLIENT; step++) {
                        Instant sent = TestApi.now();
                        HttpResponse<String> response = step(client, step, token, mine, beliefs);
                        requests.incrementAndGet();
                        if (response.statusCode() >= 500) {
                            serverErrors.incrementAndGet();
                        }
                        if (response.statusCode() == 429) {
                            throttled.incrementAndGet(); // over the write rate limit: nothing happened, by design
                            waitOut(response, sent);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        }

        try {
            check(beliefs, requests.get(), serverErrors.get(), throttled.get());
        } finally {
            removeWhatWasLeft(beliefs);
        }
    }

    private void check(Map<String, Belief> beliefs, int requests, int serverErrors, int throttled) {
        Set<String> expected = new HashSet<>();
        beliefs.forEach((id, belief) -> {
            if (belief.published()) {
                expected.add(id);
            }
        });
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(send("GET", "/articles?limit=7&q=" + marker + (cursor == null ? "" : "&cursor=" + cursor), "/articles", null, Map.of()));
            page.get("items").forEach(item -> found.add(item.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        long tagged = 0;
        for (JsonNode tag : json(send("GET", "/tags", "/tags", null, Map.of())).get("items")) {
            if (tag.get("name").asText().equals(marker)) {
                tagged = tag.get("articles").asLong();
            }
        }

        System.out.printf("load: %d requests from %d clients, %d server errors, %d throttled (429), %d articles left published%n",
                requests, CLIENTS, serverErrors, throttled, expected.size());
        assertThat(serverErrors).isZero();
        assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(tagged).isEqualTo(expected.size());
        for (Map.Entry<String, Belief> belief : beliefs.entrySet()) {
            if (belief.getValue().published()) {
                HttpResponse<String> current = send("GET", "/articles/" + belief.getKey(), "/articles/{id}", null, Map.of());
                assertThat(current.headers().firstValue("etag")).hasValue(belief.getValue().etag());
            }
        }
    }

    /**
     * Other tests share this local API and count the seeded articles: leave none of ours behind,
     * waiting out the write rate limit (429 with Retry-After) the load may have run into.
     */
    private static void removeWhatWasLeft(Map<String, Belief> beliefs) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + TestApi.editorToken()));
        for (Map.Entry<String, Belief> belief : beliefs.entrySet()) {
            headers.put("If-Match", belief.getValue().etag());
            Instant sent = TestApi.now();
            HttpResponse<String> response = send("DELETE", "/articles/" + belief.getKey(), null, null, headers);
            while (response.statusCode() == 429) {
                waitOut(response, sent);
                sent = TestApi.now();
                response = send("DELETE", "/articles/" + belief.getKey(), null, null, headers);
            }
        }
    }

    /** Waits out a 429 sent at {@code sent} by moving the local API's clock past its Retry-After, not by sleeping. */
    private static void waitOut(HttpResponse<String> throttled, Instant sent) {
        long seconds = Long.parseLong(throttled.headers().firstValue("retry-after").orElse("1"));
        TestApi.CLOCK.advanceTo(sent.plusSeconds(seconds));
    }

    /** One request of a client: mostly reads; otherwise create, publish, edit or delete one of its own. */
    private HttpResponse<String> step(int client, int step, String token, List<String> mine, Map<String, Belief> beliefs) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int roll = random.nextInt(100);
        if (roll < 50 || mine.isEmpty() && roll < 60) {
            String[] reads = {"/articles?limit=10", "/articles?q=" + marker, "/tags", "/articles?tag=" + marker};
            return send("GET", reads[random.nextInt(reads.length)], null, null, Map.of());
        }
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", token, "Content-Type", "application/json"));
        if (mine.isEmpty() || roll < 70) {
            String body = "{\"title\":\"Load " + client + "-" + step + "\",\"tags\":[\"" + marker + "\"],\"body\":[{\"type\":\"paragraph\",\"text\":\"" + marker + " story.\"}]}";
            HttpResponse<String> created = send("POST", "/articles", null, body, headers);
            if (created.statusCode() == 201) {
                String id = json(created).get("id").asText();
                mine.add(id);
                beliefs.put(id, new Belief(created.headers().firstValue("etag").orElseThrow(), false));
            }
            return created;
        }
        String id = mine.get(random.nextInt(mine.size()));
        Belief belief = beliefs.get(id);
        headers.put("If-Match", belief.etag());
        HttpResponse<String> response;
        if (roll < 80) {
            response = send("POST", "/articles/" + id + "/publish", null, null, headers);
            if (response.statusCode() == 200) {
                beliefs.put(id, new Belief(response.headers().firstValue("etag").orElseThrow(), true));
            }
        } else if (roll < 93) {
            response = send("PATCH", "/articles/" + id, null, "{\"summary\":\"edit " + step + "\"}", headers);
            if (response.statusCode() == 200) {
                beliefs.put(id, new Belief(response.headers().firstValue("etag").orElseThrow(), belief.published()));
            }
        } else {
            response = send("DELETE", "/articles/" + id, null, null, headers);
            if (response.statusCode() == 204) {
                beliefs.remove(id);
                mine.remove(id);
            }
        }
        return response;
    }
}

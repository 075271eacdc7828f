package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The local API applies the template's throttling per client and route: a burst goes through,
 * the next request is a 429 problem+json with Retry-After, and the bucket refills at the rate.
 * Served here with small numbers (rate 1/s, burst 3) and a clock the test moves.
 */
class RateLimitTest {

    private static final SamTemplate.Throttle SMALL = new SamTemplate.Throttle(1, 3);
    private final MovableClock clock = new MovableClock(Instant.now());
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBurstPasses_thenA429WithRetryAfter_untilTheBucketRefills() throws Exception {
        TestApi.API.port(); // the shared handlers point at the seeded DynamoDB Local
        SamTemplate template = SamTemplate.read(Path.of("../template.yaml"));
        List<SamTemplate.Route> throttled = template.routes().stream()
                .map(route -> new SamTemplate.Route(route.method(), route.path(), route.handlerClass(), route.function(),
                        route.authorizer(), Optional.of(SMALL)))
                .toList();
        try (LocalApiServer server = LocalApiServer.start(0, Routes.of(throttled), template.cors(),
                LocalTokens.inFolder(Path.of("target/test-keys")), clock)) {
            for (int i = 0; i < 3; i++) {
                assertThat(get(server, "/tags").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = get(server, "/tags");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
            JsonNode problem = TestApi.json(limited);
            assertThat(problem.get("type").asText()).isEqualTo("urn:news-api:problem:too-many-requests");
            assertThat(problem.get("status").asInt()).isEqualTo(429);

            assertThat(get(server, "/authors").statusCode()).as("another route has its own bucket").isEqualTo(200);
            clock.advance(Duration.ofMillis(1_000));
            assertThat(get(server, "/tags").statusCode()).isEqualTo(200);
            assertThat(get(server, "/tags").statusCode()).isEqualTo(429);
        }
    }

    private HttpResponse<String> get(LocalApiServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Real time until the test moves it on. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

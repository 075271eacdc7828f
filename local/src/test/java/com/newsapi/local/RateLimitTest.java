package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.config.Dependencies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The local API applies the template's throttling per client and route: a burst goes through and
 * the next request is a 429 problem+json with Retry-After (served here with rate 1/s, burst 3, on a
 * clock the test moves); the refill itself is {@link #theBucket_refillsAtTheRate_perClientAndRoute()},
 * at exact instants.
 */
class RateLimitTest {

    private static final SamTemplate.Throttle SMALL = new SamTemplate.Throttle(1, 3);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBurstPasses_thenA429WithRetryAfter_untilTheBucketRefills() throws Exception {
        MovableClock clock = MovableClock.startingAt(Instant.parse("2026-11-23T12:00:00Z"));
        SamTemplate template = SamTemplate.read(Path.of("../template.yaml"));
        List<SamTemplate.Route> throttled = template.routes().stream()
                .map(route -> route.withThrottle(Optional.of(SMALL)))
                .toList();
        try (LocalApiServer server = LocalApiServer.start(0, Routes.of(throttled, new Dependencies(LocalApi.config(TestApi.API.dynamo().endpoint()), clock)), template.cors(),
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

            clock.advance(Duration.ofMillis(999));
            assertThat(get(server, "/tags").statusCode()).as("not yet refilled").isEqualTo(429);
            clock.advance(Duration.ofMillis(1));
            assertThat(get(server, "/tags").statusCode()).as("refilled after Retry-After").isEqualTo(200);
        }
    }

    @Test
    void theBucket_refillsAtTheRate_perClientAndRoute() {
        RateLimiter limiter = new RateLimiter();
        Instant start = Instant.parse("2026-11-23T12:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1", "GET /tags", SMALL, start)).isEmpty();
        }
        assertThat(limiter.acquire("10.0.0.1", "GET /tags", SMALL, start)).hasValue(1);
        assertThat(limiter.acquire("10.0.0.2", "GET /tags", SMALL, start)).as("another client").isEmpty();
        assertThat(limiter.acquire("10.0.0.1", "GET /tags", SMALL, start.plusMillis(999))).hasValue(1);
        assertThat(limiter.acquire("10.0.0.1", "GET /tags", SMALL, start.plusMillis(1000))).isEmpty();
        assertThat(limiter.acquire("10.0.0.1", "GET /tags", SMALL, start.plusSeconds(60))).isEmpty();
        assertThat(limiter.acquire("10.0.0.1", "GET /tags", SMALL, start.plusSeconds(60))).isEmpty();
        assertThat(limiter.acquire("10.0.0.1", "GET /tags", SMALL, start.plusSeconds(60))).as("the burst caps the refill").isEmpty();
        assertThat(limiter.acquire("10.0.0.1", "GET /tags", SMALL, start.plusSeconds(60))).hasValue(1);
    }

    private HttpResponse<String> get(LocalApiServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

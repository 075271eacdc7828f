package com.newsapi.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template's route throttling, as a token bucket per client address and route: API Gateway
 * throttles a route for all clients together; locally, one developer's load test should not
 * throttle another tool on the same machine, and per client is how the numbers are stated.
 */
final class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Empty when the request may go on; else the whole seconds until a token is back. */
    OptionalInt acquire(String client, String routeKey, SamTemplate.Throttle throttle, Instant now) {
        Bucket bucket = buckets.computeIfAbsent(client + " " + routeKey, key -> new Bucket(throttle.burst(), now));
        return bucket.take(throttle, now);
    }

    private static final class Bucket {
        private double tokens;
        private Instant refilled;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.refilled = now;
        }

        synchronized OptionalInt take(SamTemplate.Throttle throttle, Instant now) {
            double elapsed = Math.max(0, Duration.between(refilled, now).toNanos() / 1e9);
            tokens = Math.min(throttle.burst(), tokens + elapsed * throttle.rate());
            refilled = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalInt.empty();
            }
            return OptionalInt.of((int) Math.max(1, Math.ceil((1 - tokens) / throttle.rate())));
        }
    }
}

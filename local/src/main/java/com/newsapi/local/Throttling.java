package com.newsapi.local;

import java.time.Clock;
import java.util.OptionalInt;

/**
 * The template's per-route throttling, counted per client address and route key as API Gateway
 * counts per route; time comes from the server's clock. Made once per server.
 */
final class Throttling {

    private final RateLimiter limiter = new RateLimiter();
    private final Clock clock;

    Throttling(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait when this request is over its route's limit; empty when it may go on (or the route has none). */
    OptionalInt retryAfter(String client, String method, SamTemplate.Route route) {
        if (route.throttle().isEmpty()) {
            return OptionalInt.empty();
        }
        return limiter.acquire(client, method + " " + route.path(), route.throttle().get(), clock.instant());
    }
}

package com.newsapi.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exponential backoff with full jitter for retrying a batch's unprocessed items.
 *
 * @param maxAttempts how many times a batch is sent at most before the write fails
 */
public record Backoff(Duration base, Duration cap, int maxAttempts, Sleeper sleeper) {

    /** Sleeps; tests pass one that records instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2), 12, duration -> Thread.sleep(duration));
    }

    /** {@link #standard()}, adding one to {@code retries} for every retry it waits for (the loader logs them). */
    public static Backoff counting(LongAdder retries) {
        Backoff standard = standard();
        return new Backoff(standard.base, standard.cap, standard.maxAttempts, duration -> {
            retries.increment();
            standard.sleeper.sleep(duration);
        });
    }

    /** Waits before attempt {@code attempt} (1 = the first retry). */
    void pause(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        try {
            sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}

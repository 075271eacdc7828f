package com.newsapi.store;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How the store retries a batch's unprocessed items and a transaction's conflicts: waits from the
 * SDK's exponential backoff with full jitter, at most {@code maxAttempts} sends in all.
 *
 * @param delays      the SDK's strategy; its attempt 1 is the first send (no wait), attempt 2 the first retry
 * @param maxAttempts how many times a batch is sent at most before the write fails
 */
public record Backoff(BackoffStrategy delays, int maxAttempts, Sleeper sleeper) {

    /** Sleeps; tests pass one that records instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Full jitter: the first retry waits up to {@code firstCeiling}, each later one up to twice the
     * one before, never more than {@code cap}.
     */
    public Backoff(Duration firstCeiling, Duration cap, int maxAttempts, Sleeper sleeper) {
        this(BackoffStrategy.exponentialDelay(firstCeiling, cap), maxAttempts, sleeper);
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 12, duration -> Thread.sleep(duration));
    }

    /** {@link #standard()}, adding one to {@code retries} for every retry it waits for (the loader logs them). */
    public static Backoff counting(LongAdder retries) {
        Backoff standard = standard();
        return new Backoff(standard.delays, standard.maxAttempts, duration -> {
            retries.increment();
            standard.sleeper.sleep(duration);
        });
    }

    /** Waits before attempt {@code attempt} (1 = the first retry). */
    void pause(int attempt) {
        try {
            sleeper.sleep(delays.computeDelay(attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}

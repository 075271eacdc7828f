package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The store's retry waits: full jitter under a ceiling that doubles from 50 ms per retry, capped at 2 s. */
class BackoffTest {

    @Test
    void standardWaits_areFullJitter_underADoublingCeiling_cappedAtTwoSeconds() {
        List<Duration> waits = new ArrayList<>();
        Backoff standard = Backoff.standard();
        Backoff recording = new Backoff(standard.delays(), standard.maxAttempts(), waits::add);

        for (int retry = 1; retry <= 8; retry++) {
            waits.clear();
            for (int sample = 0; sample < 200; sample++) {
                recording.pause(retry);
            }

            long ceiling = Math.min(2_000, 50L << (retry - 1));
            assertThat(waits).allSatisfy(wait -> assertThat(wait.toMillis()).isBetween(0L, ceiling));
            assertThat(waits.stream().mapToLong(Duration::toMillis).max().orElseThrow())
                    .as("retry %d reaches past half its ceiling", retry).isGreaterThan(ceiling / 2);
        }
    }

    @Test
    void countingBackoff_countsEveryRetryItWaitsFor() {
        LongAdder retries = new LongAdder();
        Backoff counting = Backoff.counting(retries);
        Backoff noWait = new Backoff(counting.delays(), counting.maxAttempts(), duration -> counting.sleeper().sleep(Duration.ZERO));

        noWait.pause(1);
        noWait.pause(2);

        assertThat(retries.sum()).isEqualTo(2);
    }
}

package com.newsapi.store;

import java.time.Instant;
import java.util.Set;

/**
 * What the loader needs to know of an article already in the table to decide whether to rewrite it,
 * and what a rewrite takes off the counters: {@code counted}, the tag and author counters it counts in.
 */
public record StoredVersion(long version, Instant createdAt, String contentHash, Set<Counter> counted) {

    public StoredVersion {
        counted = Set.copyOf(counted);
    }
}

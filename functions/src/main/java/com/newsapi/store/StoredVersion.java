package com.newsapi.store;

import com.newsapi.model.FeedKey;
import java.time.Instant;
import java.util.Set;

/**
 * What the loader needs to know of an article already in the table to decide whether to rewrite it,
 * and what a rewrite takes off the counters.
 *
 * @param publishedAt null where the article has no date
 * @param feedKey     where the article sits in the feeds; null for one that is not listed
 * @param counted     the tag and author counters it counts in
 */
public record StoredVersion(long version, Instant createdAt, String contentHash, Instant publishedAt, FeedKey feedKey,
                            Set<Counter> counted) {

    public StoredVersion {
        counted = Set.copyOf(counted);
    }
}

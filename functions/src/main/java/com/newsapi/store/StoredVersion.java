package com.newsapi.store;

import java.time.Instant;

/**
 * What the loader needs to know of an article already in the table to decide whether to rewrite it.
 *
 * @param publishedAt null where the article has no date
 * @param feedKey     where the article sits in the feeds; null for one that is not listed
 */
public record StoredVersion(long version, Instant createdAt, String contentHash, Instant publishedAt, FeedKey feedKey) {
}

package com.newsapi.store;

import java.time.Instant;

/** What the loader needs to know of an article already in the table to decide whether to rewrite it. */
public record StoredVersion(long version, Instant createdAt, String contentHash) {
}

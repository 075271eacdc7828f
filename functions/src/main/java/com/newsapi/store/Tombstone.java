package com.newsapi.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What the change log keeps of an article that readers no longer see (deleted, or back to draft):
 * its id and when it went. One per article: a later one replaces it.
 */
public record Tombstone(String id, Instant at) {

    /** How long tombstones are kept (the table's TTL removes them after): a sync token older than this is refused. */
    public static final Duration RETENTION = Duration.ofDays(30);
}

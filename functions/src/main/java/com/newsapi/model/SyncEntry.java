package com.newsapi.model;

import java.time.Instant;
import java.util.Optional;

/** One entry of a sync page: an article to store, or the id of one to drop and when it went. */
public record SyncEntry(Optional<Article> article, String id, Instant deletedAt) {

    public static SyncEntry upsert(Article article) {
        return new SyncEntry(Optional.of(article), article.id(), null);
    }

    public static SyncEntry tombstone(String id, Instant at) {
        return new SyncEntry(Optional.empty(), id, at);
    }
}

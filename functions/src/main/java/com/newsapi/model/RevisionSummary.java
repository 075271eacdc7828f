package com.newsapi.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link Revision} as a list shows it: who, when, what changed, and the status it had; no content. */
public record RevisionSummary(long version, Instant savedAt, Optional<String> savedBy, List<String> changed,
                              OptionalLong restoredFrom, ArticleStatus status) {

    public RevisionSummary {
        changed = List.copyOf(changed);
    }
}

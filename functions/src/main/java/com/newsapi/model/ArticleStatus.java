package com.newsapi.model;

import java.util.Locale;

/**
 * Publication state. Readers see {@link #PUBLISHED} articles, and {@link #SCHEDULED} ones from their
 * publication instant on (decided at read time: nothing has to run at that instant, so nothing can be late).
 */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED;

    /** Published or scheduled: carried by the feeds and indexes, visible from its feed instant on. */
    public boolean isListed() {
        return this != DRAFT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

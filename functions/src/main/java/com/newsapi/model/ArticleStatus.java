package com.newsapi.model;

import java.util.Locale;

/** Publication state; only {@link #PUBLISHED} articles are ever shown to readers. */
public enum ArticleStatus {
    DRAFT, PUBLISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package com.newsapi.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One kept version of an article: the whole article as that version was, who saved it and when,
 * and which editable fields it changed against the version before. Written with the write that
 * made the version; the last {@link #KEPT} per article are kept.
 *
 * @param savedBy      the editor's display name; empty for a version saved before revisions were kept
 *                     (an article from before, or a loaded one) and recorded when it was first replaced
 * @param changed      the editable fields that differ from the version before; every field the article
 *                     has for its first version; empty where unknown (a version recorded late)
 * @param restoredFrom the version a restore copied the content of
 */
public record Revision(long version, Instant savedAt, Optional<String> savedBy, List<String> changed,
                       OptionalLong restoredFrom, Article article) {

    /** How many revisions an article keeps: the write that makes version v removes v - KEPT. */
    public static final int KEPT = 20;

    /** The fields {@link #changed} may name, as the article JSON names them. */
    public static final List<String> COMPARED = List.of("title", "summary", "body", "author", "tags", "status", "publishedAt");

    public Revision {
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(article, "article");
        changed = List.copyOf(changed);
    }

    /** The revision of {@code updated}, made from {@code previous} (null for a new article) by {@code savedBy}. */
    public static Revision of(Article previous, Article updated, Optional<String> savedBy, OptionalLong restoredFrom) {
        return new Revision(updated.version(), updated.updatedAt(), savedBy, changed(previous, updated), restoredFrom, updated);
    }

    /** The revision of a version saved before revisions were kept: who saved it and what it changed are unknown. */
    public static Revision recordedLate(Article article) {
        return new Revision(article.version(), article.updatedAt(), Optional.empty(), List.of(), OptionalLong.empty(), article);
    }

    /** The compared fields that differ; against no previous version, the fields {@code updated} has. */
    static List<String> changed(Article previous, Article updated) {
        List<String> changed = new ArrayList<>();
        for (String field : COMPARED) {
            Object after = value(updated, field);
            boolean differs = previous == null ? isSet(after) : !Objects.equals(value(previous, field), after);
            if (differs) {
                changed.add(field);
            }
        }
        return changed;
    }

    private static Object value(Article article, String field) {
        return switch (field) {
            case "title" -> article.title();
            case "summary" -> article.summary();
            case "body" -> article.body();
            case "author" -> article.author();
            case "tags" -> article.tags();
            case "status" -> article.status();
            case "publishedAt" -> article.publishedAt();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof List<?> list && list.isEmpty());
    }
}

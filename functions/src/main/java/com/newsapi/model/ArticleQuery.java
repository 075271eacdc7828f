package com.newsapi.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import com.newsapi.search.SearchQuery;

/**
 * What a reader asks a list for. Every part is optional; all given parts must hold.
 *
 * @param tag    articles carrying this tag (compared case-insensitively)
 * @param author articles by this author (compared case- and space-insensitively)
 * @param from   published at or after this instant
 * @param until  published before this instant (exclusive)
 * @param search what {@code q} asks of the title, summary and body; {@link SearchQuery#NONE} for no search
 * @param excerpt only teasers ({@code true}) or only full stories ({@code false}); empty for both
 */
public record ArticleQuery(
        Optional<String> tag,
        Optional<String> author,
        Optional<Instant> from,
        Optional<Instant> until,
        SearchQuery search,
        Optional<Boolean> excerpt) {

    public static final ArticleQuery ALL =
            new ArticleQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SearchQuery.NONE);

    /** A query that takes teasers and full stories alike. */
    public ArticleQuery(Optional<String> tag, Optional<String> author, Optional<Instant> from, Optional<Instant> until,
                        SearchQuery search) {
        this(tag, author, from, until, search, Optional.empty());
    }

    /** This query, narrowed to teasers or to full stories (or neither, when empty). */
    public ArticleQuery withExcerpt(Optional<Boolean> onlyExcerpts) {
        return new ArticleQuery(tag, author, from, until, search, onlyExcerpts);
    }

    public ArticleQuery {
        tag = tag.map(ArticleQuery::normaliseTag);
        author = author.map(ArticleQuery::normaliseAuthor);
    }

    /** Every article that answers this search, unfiltered otherwise. */
    public static ArticleQuery searching(SearchQuery search) {
        return new ArticleQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), search);
    }

    public boolean hasDateRange() {
        return from.isPresent() || until.isPresent();
    }

    public static String normaliseTag(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    public static String normaliseAuthor(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a published article answers this query. Index entries only narrow the search; this is
     * the rule, so an index entry left behind by an interrupted write never yields a wrong result.
     */
    public boolean matches(Article article) {
        if (excerpt.isPresent() && article.excerpt() != excerpt.get()) {
            return false;
        }
        if (tag.isPresent() && article.tags().stream().map(ArticleQuery::normaliseTag).noneMatch(tag.get()::equals)) {
            return false;
        }
        if (author.isPresent() && (article.author() == null || !normaliseAuthor(article.author().name()).equals(author.get()))) {
            return false;
        }
        if (hasDateRange()) {
            Instant published = article.publishedAt();
            if (published == null
                    || from.filter(published::isBefore).isPresent()
                    || until.filter(end -> !published.isBefore(end)).isPresent()) {
                return false;
            }
        }
        return search.isEmpty() || search.matches(article.passages());
    }

    /** A stable text naming this query, so a cursor can be tied to the query that issued it. */
    public String fingerprint() {
        return String.join("\u001f",
                tag.orElse(""), author.orElse(""),
                from.map(Instant::toString).orElse(""), until.map(Instant::toString).orElse(""),
                search.canonical())
                // Only when set, so that cursors of queries without it keep their digest.
                + excerpt.map(only -> "\u001fexcerpt=" + only).orElse("");
    }
}

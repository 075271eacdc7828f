package com.newsapi.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A news article as the API and the store know it.
 *
 * @param id          stable identifier; for seeded articles derived from the source file and title
 * @param slug        URL name, unique across articles
 * @param summary     a short standalone text for list views
 * @param author      null where unknown
 * @param publishedAt null where the source shows no date (never invented); for a scheduled article,
 *                    the instant it becomes visible
 * @param excerpt     true for a teaser kept as its own short story (title and summary, no full body)
 * @param version     starts at 1, increases on every change; the basis of the ETag
 */
public record Article(
        String id,
        String slug,
        String title,
        String summary,
        List<Block> body,
        Author author,
        Source source,
        Instant publishedAt,
        List<String> tags,
        ArticleStatus status,
        boolean excerpt,
        long version,
        Instant createdAt,
        Instant updatedAt,
        int wordCount) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        body = List.copyOf(body);
        tags = List.copyOf(tags);
    }

    /** The instant the article sorts by in newest-first feeds: its publication date, else when it was created. */
    public Instant feedInstant() {
        return publishedAt != null ? publishedAt : createdAt;
    }

    /** Whether readers see this article at {@code now}: listed, and its feed instant reached. */
    public boolean isVisibleAt(Instant now) {
        return status.isListed() && !feedInstant().isAfter(now);
    }

    /** The article as it stands at {@code now}: a scheduled article whose instant has come is published. */
    public Article asSeenAt(Instant now) {
        if (status != ArticleStatus.SCHEDULED || !isVisibleAt(now)) {
            return this;
        }
        return new Article(id, slug, title, summary, body, author, source, publishedAt, tags, ArticleStatus.PUBLISHED,
                excerpt, version, createdAt, updatedAt, wordCount);
    }
}

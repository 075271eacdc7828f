package com.newsapi.model;

import com.newsapi.search.Terms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A news article as the API and the store know it.
 *
 * @param id          stable identifier; for seeded articles derived from the source file and title
 * @param slug        URL name, unique across articles
 * @param summary     a short standalone text for list views
 * @param author      null where unknown
 * @param publishedAt null where the source shows no date (never invented); for a seeded excerpt, the
 *                    date of the earliest page that showed the teaser; for a scheduled article, the
 *                    instant it becomes visible
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

    /**
     * An article has at most this many tags: a rule of the API (a 422 above it) because the table
     * gives each tag its own sparse index slot (byTag1…byTag5 in template.yaml).
     */
    public static final int MAX_TAGS = 5;

    /**
     * Where undated articles sort: below every real date (and below the earliest {@code from} a list
     * accepts), so in a newest-first feed they come after every dated article, in id order.
     */
    public static final Instant UNDATED = Instant.parse("0001-01-01T00:00:00Z");

    /**
     * The instant the article sorts by in newest-first feeds: its publication date, else
     * {@link #UNDATED}. Never when it was created: for a seeded article that is when the loader ran.
     */
    public Instant feedInstant() {
        return publishedAt != null ? publishedAt : UNDATED;
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
        return withStatus(ArticleStatus.PUBLISHED);
    }

    /**
     * The searchable text as runs of words: the title, the summary and each block of the body, one
     * run each, so a phrase never spans the end of one and the start of the next.
     */
    public List<List<String>> passages() {
        List<List<String>> passages = new ArrayList<>();
        passages.add(Terms.words(title));
        passages.add(Terms.words(summary));
        for (Block block : body) {
            passages.add(Terms.words(block.text()));
        }
        return passages;
    }

    /** This article with another status, nothing else changed (not its version: a caller saving it sets that). */
    public Article withStatus(ArticleStatus newStatus) {
        return new Article(id, slug, title, summary, body, author, source, publishedAt, tags, newStatus,
                excerpt, version, createdAt, updatedAt, wordCount);
    }

    /** This article under another URL name, nothing else changed. */
    public Article withSlug(String newSlug) {
        return new Article(id, newSlug, title, summary, body, author, source, publishedAt, tags, status,
                excerpt, version, createdAt, updatedAt, wordCount);
    }
}

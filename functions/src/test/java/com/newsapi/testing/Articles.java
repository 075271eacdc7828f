package com.newsapi.testing;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.model.Source;
import com.newsapi.model.ArticleIds;
import java.time.Instant;
import java.util.List;

/**
 * Test articles that read as specifications: every field a test does not look at has a default here,
 * and a test names only what it is about ({@code Articles.titled("Harbour").status(PUBLISHED).build()},
 * {@code Articles.from(article).version(2).build()}). The one place tests call Article's constructor
 * ({@link Builder#build()}).
 */
public final class Articles {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private Articles() {
    }

    public static Article published(String title, Instant publishedAt) {
        return article(title, publishedAt, ArticleStatus.PUBLISHED);
    }

    /** Created when published, or at the start of 2026 when it has no date. */
    public static Article article(String title, Instant publishedAt, ArticleStatus status) {
        Instant created = publishedAt != null ? publishedAt : CREATED;
        return titled(title).publishedAt(publishedAt).status(status).createdAt(created).updatedAt(created).build();
    }

    /**
     * A draft titled {@code title}, its id and slug from the title, a three-block body, Ada Reporter's,
     * tagged "testing", version 1, created and updated at the start of 2026, undated.
     */
    public static Builder titled(String title) {
        return new Builder().id(ArticleIds.deterministicId("test", title)).slug(ArticleIds.slugOf(title)).title(title)
                .summary("Summary of " + title)
                .body(List.of(Block.paragraph("First paragraph of " + title + "."), Block.heading("A heading"),
                        Block.paragraph("Last paragraph.")))
                .author(new Author("Ada Reporter", "Covers tests.")).source(new Source("test.txt", "Test Times"))
                .tags(List.of("testing")).status(ArticleStatus.DRAFT).version(1).createdAt(CREATED).updatedAt(CREATED)
                .wordCount(10);
    }

    /** {@code article} with the fields a test changes; nothing else differs (not its version, unless set). */
    public static Builder from(Article article) {
        return new Builder().id(article.id()).slug(article.slug()).title(article.title()).summary(article.summary())
                .body(article.body()).author(article.author()).source(article.source()).publishedAt(article.publishedAt())
                .tags(article.tags()).status(article.status()).excerpt(article.excerpt()).version(article.version())
                .createdAt(article.createdAt()).updatedAt(article.updatedAt()).wordCount(article.wordCount());
    }

    /** Sets fields one by one; {@link #build()} makes the article. */
    public static final class Builder {
        private String id;
        private String slug;
        private String title;
        private String summary;
        private List<Block> body;
        private Author author;
        private Source source;
        private Instant publishedAt;
        private List<String> tags;
        private ArticleStatus status;
        private boolean excerpt;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;
        private int wordCount;

        private Builder() {
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder slug(String value) {
            slug = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder summary(String value) {
            summary = value;
            return this;
        }

        public Builder body(List<Block> value) {
            body = value;
            return this;
        }

        /** A body of one paragraph (the word count is left as it is). */
        public Builder paragraph(String text) {
            return body(List.of(Block.paragraph(text)));
        }

        public Builder author(Author value) {
            author = value;
            return this;
        }

        /** An author known by name only. */
        public Builder author(String name) {
            return author(new Author(name, null));
        }

        public Builder source(Source value) {
            source = value;
            return this;
        }

        public Builder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder status(ArticleStatus value) {
            status = value;
            return this;
        }

        public Builder excerpt(boolean value) {
            excerpt = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public Builder wordCount(int value) {
            wordCount = value;
            return this;
        }

        public Article build() {
            return new Article(id, slug, title, summary, body, author, source, publishedAt, tags, status, excerpt, version,
                    createdAt, updatedAt, wordCount);
        }
    }
}

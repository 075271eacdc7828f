package com.newsapi.testing;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.model.Source;
import com.newsapi.model.ArticleIds;
import java.time.Instant;
import java.util.List;

/** Test articles with sensible defaults. */
public final class Articles {

    private Articles() {
    }

    public static Article published(String title, Instant publishedAt) {
        return article(title, publishedAt, ArticleStatus.PUBLISHED);
    }

    public static Article article(String title, Instant publishedAt, ArticleStatus status) {
        Instant created = publishedAt != null ? publishedAt : Instant.parse("2026-01-01T00:00:00Z");
        return new Article(
                ArticleIds.deterministicId("test", title),
                ArticleIds.slugOf(title),
                title,
                "Summary of " + title,
                List.of(Block.paragraph("First paragraph of " + title + "."), Block.heading("A heading"),
                        Block.paragraph("Last paragraph.")),
                new Author("Ada Reporter", "Covers tests."),
                new Source("test.txt", "Test Times"),
                publishedAt,
                List.of("testing"),
                status,
                false,
                1,
                created,
                created,
                10);
    }
}

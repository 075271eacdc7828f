package com.newsapi.seed;

import com.newsapi.model.Author;
import com.newsapi.model.Block;
import java.time.Instant;
import java.util.List;

/**
 * One story extracted from a raw page, before it gets an id or timestamps.
 *
 * @param publishedAt null where the page shows no date; for a teaser, the page's date
 * @param author      null where the page shows no author
 * @param siteName    null where the page does not name its site
 * @param excerpt     true for a teaser of another story (title and summary only)
 */
public record ParsedArticle(
        String title,
        String summary,
        List<Block> body,
        Instant publishedAt,
        Author author,
        String siteName,
        boolean excerpt) {

    public ParsedArticle {
        body = List.copyOf(body);
    }
}

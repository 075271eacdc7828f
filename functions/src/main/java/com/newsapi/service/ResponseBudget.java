package com.newsapi.service;

import com.newsapi.model.Article;
import com.newsapi.model.Block;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a page of articles well under Lambda's 6 MB response limit, whatever the articles hold: at
 * most 1.5 million characters of text, which is under 6 MB even if every one took the 3 bytes of
 * UTF-8 a character of the Basic Multilingual Plane can take. The first article of a page always
 * fits (an article's body is at most 128 KiB), so a page is never empty because of the budget.
 */
final class ResponseBudget {

    private static final long MAX_PAGE_CHARS = 1_500_000;

    /** What a tombstone or an article's fixed fields cost, generously. */
    private static final long ENTRY_CHARS = 512;

    private final boolean withBodies;
    private long spent;

    /** @param withBodies whether the response shows each article's body */
    ResponseBudget(boolean withBodies) {
        this.withBodies = withBodies;
    }

    /**
     * The longest start of {@code page} that fits, each article as seen at {@code now}; when the
     * page is cut, it goes on from its last article kept.
     */
    static Page<Article> fit(Page<Article> page, boolean withBodies, Instant now) {
        ResponseBudget budget = new ResponseBudget(withBodies);
        List<Article> kept = new ArrayList<>(page.items().size());
        for (Article article : page.items()) {
            if (!budget.add(article) && !kept.isEmpty()) {
                return new Page<>(kept, Optional.of(FeedKey.of(kept.getLast())));
            }
            kept.add(article.asSeenAt(now));
        }
        return new Page<>(kept, page.next());
    }

    /** Charges one more article; false when it no longer fits (the caller stops the page before it). */
    boolean add(Article article) {
        spent += approximateChars(article);
        return spent <= MAX_PAGE_CHARS;
    }

    /** Charges one tombstone; false when it no longer fits. */
    boolean addTombstone() {
        spent += ENTRY_CHARS;
        return spent <= MAX_PAGE_CHARS;
    }

    boolean exhausted() {
        return spent > MAX_PAGE_CHARS;
    }

    private long approximateChars(Article article) {
        long chars = ENTRY_CHARS + article.title().length() + (article.summary() == null ? 0 : article.summary().length())
                + (article.author() == null || article.author().bio() == null ? 0 : article.author().bio().length());
        if (withBodies) {
            for (Block block : article.body()) {
                chars += block.text().length() + 32;
            }
        }
        return chars;
    }
}

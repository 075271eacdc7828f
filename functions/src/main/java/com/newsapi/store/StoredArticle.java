package com.newsapi.store;

import com.newsapi.model.Article;

/**
 * An article as read for a change, and whether the revision of its version is recorded: false for
 * articles stored before revisions were kept and for loaded ones, whose replaced version the change
 * then records too.
 */
public record StoredArticle(Article article, boolean revised) {

    /** The same stored state, its article as seen at another moment (see {@link Article#asSeenAt}). */
    public StoredArticle withArticle(Article seen) {
        return new StoredArticle(seen, revised);
    }
}

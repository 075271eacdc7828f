package com.newsapi.service;

import com.newsapi.error.ArticleNotFound;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleIds;
import com.newsapi.store.ArticleStore;
import com.newsapi.model.CountKind;
import com.newsapi.model.CountPage;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The read side as readers see it: only listed articles exist, and only from their feed instant on. */
public final class ArticleService {

    private final ArticleStore store;
    private final Clock clock;

    public ArticleService(ArticleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One published article by its id or its slug. */
    public Article get(String idOrSlug) {
        Optional<Article> found = Optional.empty();
        if (ArticleIds.isId(idOrSlug)) {
            found = store.findById(idOrSlug);
        }
        if (found.isEmpty() && ArticleIds.isSlug(idOrSlug)) {
            found = store.findBySlug(idOrSlug);
        }
        Instant now = clock.instant();
        return found.filter(article -> article.isVisibleAt(now))
                .map(article -> article.asSeenAt(now))
                .orElseThrow(() -> new ArticleNotFound(idOrSlug));
    }

    /**
     * Published articles answering the query, newest first, starting after {@code after}: up to
     * {@code limit}, fewer when more would not fit a response ({@link ResponseBudget}), and then
     * the page goes on from its last article.
     *
     * @param withBodies whether the response shows the articles' bodies (what makes a page large)
     */
    public Page<Article> list(ArticleQuery query, Optional<FeedKey> after, int limit, boolean withBodies) {
        return list(query, after, limit, withBodies, withBodies);
    }

    /**
     * As {@link #list(ArticleQuery, Optional, int, boolean)}; {@code whole} when the response shows
     * more than a list item's default fields (the body, the source or the author's bio), which are
     * then read from the articles themselves.
     */
    public Page<Article> list(ArticleQuery query, Optional<FeedKey> after, int limit, boolean withBodies, boolean whole) {
        Instant now = clock.instant();
        return ResponseBudget.fit(store.find(query, after, limit, now, whole || withBodies), withBodies, now);
    }

    /** Tags with published articles and how many each, a page in tag order after the tag {@code after}. */
    public CountPage tags(Optional<String> after, int limit) {
        return store.counts(CountKind.TAG, after, limit, clock.instant());
    }

    /** Authors with published articles and how many each, a page in name order after the key {@code after}. */
    public CountPage authors(Optional<String> after, int limit) {
        return store.counts(CountKind.AUTHOR, after, limit, clock.instant());
    }
}

package com.newsapi.service;

import com.newsapi.codec.PreviewTokens.Grant;
import com.newsapi.codec.PreviewTokens;
import com.newsapi.error.ArticleNotFound;
import com.newsapi.error.PreviewExpired;
import com.newsapi.error.PreviewNotFound;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleIds;
import com.newsapi.model.PreviewLink;
import com.newsapi.store.ArticleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Preview links: an editor makes one for an article, and whoever holds it reads that article's
 * current version, whatever its status, until the link expires or the article is deleted. The link
 * is the whole authorisation (a signed token, nothing stored), so it cannot be revoked early except
 * by retiring the signing key.
 */
public final class PreviewService {

    public static final int DEFAULT_HOURS = 24;
    /** A week: long enough to show a draft around, short enough that a forwarded link dies. */
    public static final int MAX_HOURS = 168;

    private final ArticleStore store;
    private final PreviewTokens tokens;
    private final Clock clock;

    public PreviewService(ArticleStore store, PreviewTokens tokens, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A link to the article {@code id}, good for {@code hours} (1 to {@link #MAX_HOURS}); 404 if there is no such article. */
    public PreviewLink create(String id, int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours out of range: " + hours);
        }
        Article article = (ArticleIds.isId(id) ? store.findById(id) : Optional.<Article>empty())
                .orElseThrow(() -> new ArticleNotFound(id));
        Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(hours));
        return new PreviewLink(tokens.encode(new Grant(article.id(), expiresAt)), expiresAt);
    }

    /**
     * The article a token shows, as it stands now. A token this API did not sign as a preview, or
     * whose article is gone, is a 404; one whose expiry has come (at that very second too) a 410.
     */
    public Article open(String token) {
        Grant grant = tokens.decode(token).orElseThrow(PreviewNotFound::new);
        Instant now = clock.instant();
        if (!now.isBefore(grant.expiresAt())) {
            throw new PreviewExpired();
        }
        return store.findById(grant.articleId()).map(article -> article.asSeenAt(now)).orElseThrow(PreviewNotFound::new);
    }
}

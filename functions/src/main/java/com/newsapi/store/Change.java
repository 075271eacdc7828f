package com.newsapi.store;

import com.newsapi.model.Article;
import com.newsapi.model.FeedKey;
import java.util.Optional;

/** One entry of the change log: a listed article as it is now, or the tombstone of one that went. */
public record Change(FeedKey key, Optional<Article> article, Optional<Tombstone> tombstone) {
}

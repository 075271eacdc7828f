package com.newsapi.store;

/** What a counter counts articles by: a tag, or an author. */
public enum CountKind {
    TAG, AUTHOR
}

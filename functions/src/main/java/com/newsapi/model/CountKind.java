package com.newsapi.model;

/** What a counter counts articles by: a tag, or an author. */
public enum CountKind {
    TAG, AUTHOR
}

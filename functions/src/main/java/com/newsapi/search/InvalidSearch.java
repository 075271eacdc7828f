package com.newsapi.search;

/** A search text this API does not support; the message says what and is meant for the client. */
public final class InvalidSearch extends IllegalArgumentException {

    InvalidSearch(String message) {
        super(message);
    }
}

package com.newsapi.seed;

/** A page the parser cannot turn into an article: no headline, or no story text. */
public final class SeedParseException extends RuntimeException {

    public SeedParseException(String message) {
        super(message);
    }
}

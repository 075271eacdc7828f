package com.newsapi.error;

/** Forbidden (403); the detail says what to change. */
public final class Forbidden extends ApiException {

    public Forbidden(String detail) {
        super(403, "Forbidden", detail);
    }

    @Override
    public String type() {
        return "forbidden";
    }
}

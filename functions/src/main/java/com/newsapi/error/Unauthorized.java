package com.newsapi.error;

/** Unauthorized (401); the detail says what to change. */
public final class Unauthorized extends ApiException {

    public Unauthorized(String detail) {
        super(401, "Unauthorized", detail);
    }

    @Override
    public String type() {
        return "unauthorized";
    }
}

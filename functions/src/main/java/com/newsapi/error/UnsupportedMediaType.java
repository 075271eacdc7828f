package com.newsapi.error;

/** Unsupported media type (415); the detail says what to change. */
public final class UnsupportedMediaType extends ApiException {

    public UnsupportedMediaType(String detail) {
        super(415, "Unsupported media type", detail);
    }

    @Override
    public String type() {
        return "unsupported-media-type";
    }
}

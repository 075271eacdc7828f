package com.newsapi.error;

/** Payload too large (413); the detail says what to change. */
public final class PayloadTooLarge extends ApiException {

    public PayloadTooLarge(String detail) {
        super(413, "Payload too large", detail);
    }

    @Override
    public String type() {
        return "too-large";
    }
}

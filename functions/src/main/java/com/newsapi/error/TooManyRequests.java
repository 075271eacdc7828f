package com.newsapi.error;

import java.util.OptionalInt;

/** The client went over the route's rate limit; the local API's answer (API Gateway throttles on AWS). */
public final class TooManyRequests extends ApiException {

    private final int retryAfterSeconds;

    public TooManyRequests(int retryAfterSeconds) {
        super(429, "Too many requests", "This client is over the route's rate limit; retry after "
                + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public OptionalInt retryAfterSeconds() {
        return OptionalInt.of(retryAfterSeconds);
    }

    @Override
    public String type() {
        return "too-many-requests";
    }
}

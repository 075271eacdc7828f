package com.newsapi.error;

/** The database refused or failed after the SDK's retries; the client may retry later. */
public final class StoreUnavailable extends ApiException {

    public StoreUnavailable(Throwable cause) {
        super(503, "Service unavailable", "The article store is temporarily unavailable; retry shortly.", cause);
    }

    /** Long enough for throttling to ease, short enough that a user does not notice. */
    @Override
    public java.util.OptionalInt retryAfterSeconds() {
        return java.util.OptionalInt.of(2);
    }

    @Override
    public String type() {
        return "unavailable";
    }
}

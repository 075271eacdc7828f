package com.newsapi.error;

/**
 * A failure a client can be told about: it carries the HTTP status and a problem type. Its message
 * is written for the client, so it never holds internal detail.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String title;

    protected ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    protected ApiException(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Seconds after which a retry may succeed, sent as Retry-After; empty when retrying will not help. */
    public java.util.OptionalInt retryAfterSeconds() {
        return java.util.OptionalInt.empty();
    }

    /** The last segment of the problem type URI, e.g. {@code not-found}. */
    public abstract String type();
}

package com.newsapi.error;

/** An Idempotency-Key came back with a different request body than its first use (422). */
public final class IdempotencyKeyReused extends ApiException {

    public IdempotencyKeyReused(String detail) {
        super(422, "Idempotency key reused", detail);
    }

    @Override
    public String type() {
        return "idempotency-key-reused";
    }
}

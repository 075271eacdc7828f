package com.newsapi.store;

/** A create found its Idempotency-Key already recorded, by an earlier or a concurrent request. */
public final class IdempotencyKeyTaken extends RuntimeException {

    public IdempotencyKeyTaken() {
        super("idempotency key taken", null, false, false);
    }
}

package com.newsapi.service;

import com.newsapi.digest.Sha256;

/**
 * A create's Idempotency-Key, scoped to the caller (two editors may pick the same key), with a
 * digest of the request body to tell a true retry from a reuse.
 */
public record IdempotencyKey(String scopedKey, String requestHash) {

    public static IdempotencyKey of(String caller, String key, String body) {
        return new IdempotencyKey(Sha256.hex(caller + "\u0000" + key), Sha256.hex(body));
    }
}

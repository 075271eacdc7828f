package com.newsapi.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A create's Idempotency-Key, scoped to the caller (two editors may pick the same key), with a
 * digest of the request body to tell a true retry from a reuse.
 */
public record IdempotencyKey(String scopedKey, String requestHash) {

    public static IdempotencyKey of(String caller, String key, String body) {
        return new IdempotencyKey(sha256(caller + "\u0000" + key), sha256(body));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

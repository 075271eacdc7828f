package com.newsapi.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a text's UTF-8 bytes: the one digest behind ETags, ids, cursor filters, idempotency keys and seed hashes. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The whole digest, in lower-case hex (64 characters). */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }

    /** The digest's first {@code bytes} bytes, in lower-case hex (twice as many characters). */
    public static String hex(String text, int bytes) {
        return HexFormat.of().formatHex(of(text), 0, bytes);
    }
}

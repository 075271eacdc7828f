package com.newsapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.digest.Sha256;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one format of every opaque position this API hands out: list cursors ({@link Cursors}), sync
 * cursors and sync tokens ({@link SyncTokens}). A position is a small JSON object naming its kind
 * ({@code k}) and a digest of the filter that issued it ({@code f}), plus the fields its kind needs,
 * signed with HMAC-SHA-256 and sent as {@code base64url(payload) "." base64url(signature)}. A client
 * can hold and return one, not forge or alter it, nor replay it as another kind or for another filter.
 *
 * <p>Built once per container from the signing keys ({@link com.newsapi.config.SyncKeys}): the
 * first key signs, every key verifies, so a key can be rotated without refusing what is in flight.
 */
public final class SignedPositions {

    /** Longer than anything this API issues (a sync cursor is about 230 characters). */
    static final int MAX_LENGTH = 600;
    private static final int MAC_BYTES = 16;

    /** The first signs; all are accepted (key rotation). */
    private final List<SecretKeySpec> keys;

    public SignedPositions(String secret) {
        this(Arrays.asList(secret)); // asList: a null secret gets the message below, not a NullPointerException
    }

    /** Signs with the first key and accepts what any of them signed. */
    public SignedPositions(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalStateException("At least one signing key is needed");
        }
        for (String secret : secrets) {
            if (secret == null || secret.length() < 16) {
                throw new IllegalStateException("The signing key must be at least 16 characters");
            }
        }
        this.keys = secrets.stream().map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).toList();
    }

    /** A signed position of one kind: {@code fields} writes the kind's own fields, after its kind and before its filter. */
    public String seal(String kind, ArticleQuery filter, Json.Writer fields) {
        String sealed = Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("k", kind);
            fields.write(json);
            json.writeStringField("f", digest(filter));
            json.writeEndObject();
        });
        byte[] payload = sealed.getBytes(StandardCharsets.UTF_8);
        return encode(payload) + "." + encode(mac(keys.getFirst(), payload));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The fields of a position of this kind that this API signed for this filter. Anything else is
     * a 400 naming {@code parameter}: not signed by a current key (forged, altered, cut short, or
     * signed with a retired key), another kind, or another filter.
     */
    public JsonNode open(String parameter, String kind, String text, ArticleQuery filter) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw notIssued(parameter);
        }
        JsonNode node;
        try {
            int dot = text.indexOf('.');
            if (dot < 0) {
                throw notIssued(parameter);
            }
            byte[] payload = Base64.getUrlDecoder().decode(text.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(text.substring(dot + 1));
            // The decoder ignores the unused low bits of a last character, so "...A" and "...B" can
            // decode alike: only the one text this API wrote opens, not its variants.
            if (!signedByAnyKey(payload, signature) || !text.equals(encode(payload) + "." + encode(signature))) {
                throw notIssued(parameter);
            }
            node = Json.mapper().readTree(payload);
        } catch (IllegalArgumentException | IOException e) {
            throw notIssued(parameter);
        }
        if (node == null || !node.isObject() || !kind.equals(node.path("k").asText())) {
            throw notIssued(parameter);
        }
        if (!digest(filter).equals(node.path("f").asText())) {
            throw new InvalidParameter(parameter, "The " + parameter + " was issued for a request with other filters;"
                    + " repeat those filters, or start again without it.");
        }
        return node;
    }

    /** The filter a position is tied to, in a few bytes: equal for the same filter, whatever the order of its terms. */
    static String digest(ArticleQuery filter) {
        return Sha256.hex(filter.fingerprint(), 8);
    }

    private boolean signedByAnyKey(byte[] payload, byte[] signature) {
        for (SecretKeySpec key : keys) {
            if (MessageDigest.isEqual(signature, mac(key, payload))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static InvalidParameter notIssued(String parameter) {
        return new InvalidParameter(parameter, "The " + parameter + " is not one this API issued, or was altered;"
                + " start again without it.");
    }
}

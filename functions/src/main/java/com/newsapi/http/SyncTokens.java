package com.newsapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.service.SyncPosition;
import com.newsapi.store.FeedKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sync cursors (within a pass) and sync tokens (between passes), signed with HMAC-SHA-256: a
 * client can hold and return them, not forge or alter them. Each names the filter it was issued
 * for and whether it is a cursor or a token, so neither can be replayed in the other's place.
 */
public final class SyncTokens {

    /** The query parameters they travel in. */
    public static final String CURSOR = "cursor";
    public static final String TOKEN = "syncToken";
    private static final int MAX_LENGTH = 600;
    private static final int MAC_BYTES = 16;

    /** The first signs; all are accepted (key rotation). */
    private final List<SecretKeySpec> keys;

    public SyncTokens(String secret) {
        this(Arrays.asList(secret)); // asList: a null secret gets the message below, not a NullPointerException
    }

    /** Signs with the first key and accepts what any of them signed, so a key can be rotated without a resync. */
    public SyncTokens(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalStateException("At least one sync token key is needed");
        }
        for (String secret : secrets) {
            if (secret == null || secret.length() < 16) {
                throw new IllegalStateException("The sync token key must be at least 16 characters");
            }
        }
        this.keys = secrets.stream().map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).toList();
    }

    /** A cursor within a pass, or (position empty) the token the next pass starts from. */
    public String encode(SyncPosition position, ArticleQuery filter) {
        StringWriter out = new StringWriter(160);
        try (var json = Json.factory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("k", position.position().isPresent() ? CURSOR : TOKEN);
            json.writeBooleanField("d", position.delta());
            json.writeNumberField("s", position.passStart().toEpochMilli());
            json.writeNumberField("h", position.since().toEpochMilli());
            json.writeNumberField("u", position.seenUpTo().toEpochMilli());
            json.writeStringField("p", position.position().map(FeedKey::render).orElse(""));
            json.writeStringField("f", Cursors.digest(filter));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = out.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(mac(keys.getFirst(), payload));
    }

    /**
     * Reads a cursor ({@code parameter} "cursor") or a sync token ("syncToken") issued for this
     * filter; anything else is a 400 telling the client to sync from scratch.
     */
    public SyncPosition decode(String parameter, String text, ArticleQuery filter) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid(parameter);
        }
        JsonNode node;
        try {
            int dot = text.indexOf('.');
            if (dot < 0) {
                throw invalid(parameter);
            }
            byte[] payload = Base64.getUrlDecoder().decode(text.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(text.substring(dot + 1));
            if (!signedByAnyKey(payload, signature)) {
                throw invalid(parameter);
            }
            node = Json.mapper().readTree(payload);
        } catch (IllegalArgumentException | IOException e) {
            throw invalid(parameter);
        }
        if (node == null || !parameter.equals(node.path("k").asText())) {
            throw invalid(parameter);
        }
        if (!Cursors.digest(filter).equals(node.path("f").asText())) {
            throw new InvalidParameter(parameter, "The " + parameter + " was issued for another tag or author filter;"
                    + " repeat that filter, or sync from scratch without it.");
        }
        String rendered = node.path("p").asText();
        Optional<FeedKey> position = rendered.isEmpty() ? Optional.empty() : Optional.of(FeedKey.parse(rendered));
        return new SyncPosition(node.path("d").asBoolean(), Instant.ofEpochMilli(node.path("s").asLong()),
                Instant.ofEpochMilli(node.path("h").asLong()), Instant.ofEpochMilli(node.path("u").asLong()), position);
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

    private static InvalidParameter invalid(String parameter) {
        return new InvalidParameter(parameter, "The " + parameter + " is not one this API issued, or was altered;"
                + " sync from scratch without it.");
    }
}

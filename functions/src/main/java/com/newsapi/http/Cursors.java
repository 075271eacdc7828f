package com.newsapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.store.FeedKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opaque list cursors. A cursor holds only a feed position (never a table, index or key a client
 * could redirect) and a digest of the query that issued it, and is validated strictly on the way
 * back in: anything that is not a cursor this API wrote for this same query is a 400.
 */
public final class Cursors {

    static final String PARAMETER = "cursor";
    private static final int VERSION = 1;
    private static final int MAX_LENGTH = 512;

    private Cursors() {
    }

    public static String encode(FeedKey position, ArticleQuery query) {
        StringWriter out = new StringWriter(128);
        try (var json = Json.factory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("v", VERSION);
            json.writeStringField("after", position.render());
            json.writeStringField("query", digest(query));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<FeedKey> decode(Optional<String> cursor, ArticleQuery query) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        String text = cursor.get();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid();
        }
        JsonNode node;
        FeedKey position;
        try {
            node = Json.mapper().readTree(Base64.getUrlDecoder().decode(text));
            if (node == null || !node.isObject() || node.size() != 3 || node.path("v").asInt(-1) != VERSION
                    || !node.path("after").isTextual() || !node.path("query").isTextual()) {
                throw invalid();
            }
            position = FeedKey.parse(node.get("after").asText());
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
        if (!node.get("query").asText().equals(digest(query))) {
            throw new InvalidParameter(PARAMETER,
                    "The cursor belongs to a list with other filters; start again without it or repeat the same filters.");
        }
        return Optional.of(position);
    }

    private static InvalidParameter invalid() {
        return new InvalidParameter(PARAMETER, "The cursor is not one this API issued; start again without it.");
    }

    static String digest(ArticleQuery query) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(query.fingerprint().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

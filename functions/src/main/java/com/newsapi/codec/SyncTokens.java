package com.newsapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.SyncPosition;
import com.newsapi.model.FeedKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sync cursors (within a pass) and sync tokens (between passes), signed ({@link SignedPositions}):
 * a client can hold and return them, not forge or alter them. Each names the filter it was issued
 * for and whether it is a cursor or a token, so neither can be replayed in the other's place, nor
 * in a list's.
 */
public final class SyncTokens {

    /** The query parameters they travel in, which are also their kinds. */
    public static final String CURSOR = "cursor";
    public static final String TOKEN = "syncToken";

    private final SignedPositions positions;

    public SyncTokens(String secret) {
        this(new SignedPositions(secret));
    }

    /** Signs with the first key and accepts what any of them signed, so a key can be rotated without a resync. */
    public SyncTokens(List<String> secrets) {
        this(new SignedPositions(secrets));
    }

    public SyncTokens(SignedPositions positions) {
        this.positions = positions;
    }

    /** A cursor within a pass, or (position empty) the token the next pass starts from. */
    public String encode(SyncPosition position, ArticleQuery filter) {
        return positions.seal(position.position().isPresent() ? CURSOR : TOKEN, filter, json -> {
            json.writeBooleanField("d", position.delta());
            json.writeNumberField("s", position.passStart().toEpochMilli());
            json.writeNumberField("h", position.since().toEpochMilli());
            json.writeNumberField("u", position.seenUpTo().toEpochMilli());
            json.writeStringField("p", position.position().map(FeedKey::render).orElse(""));
        });
    }

    /**
     * Reads a cursor ({@code parameter} "cursor") or a sync token ("syncToken") issued for this
     * filter; anything else is a 400 telling the client to sync from scratch.
     */
    public SyncPosition decode(String parameter, String text, ArticleQuery filter) {
        JsonNode node = positions.open(parameter, parameter, text, filter);
        try {
            String rendered = node.path("p").asText();
            Optional<FeedKey> position = rendered.isEmpty() ? Optional.empty() : Optional.of(FeedKey.parse(rendered));
            return new SyncPosition(node.path("d").asBoolean(), Instant.ofEpochMilli(node.path("s").asLong()),
                    Instant.ofEpochMilli(node.path("h").asLong()), Instant.ofEpochMilli(node.path("u").asLong()), position);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(parameter, "The " + parameter + " is not one this API issued; sync from scratch without it.");
        }
    }
}

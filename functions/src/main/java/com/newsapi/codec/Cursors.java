package com.newsapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.FeedKey;
import java.util.Optional;

/**
 * Opaque list cursors, signed ({@link SignedPositions}, kind {@code list}). A cursor holds only a
 * feed position (never a table, index or key a client could redirect) and the digest of the query
 * that issued it: anything that is not a cursor this API signed for this same query is a 400.
 */
public final class Cursors {

    static final String PARAMETER = "cursor";
    private static final String KIND = "list";

    private final SignedPositions positions;

    public Cursors(SignedPositions positions) {
        this.positions = positions;
    }

    public String encode(FeedKey position, ArticleQuery query) {
        return positions.seal(KIND, query, json -> json.writeStringField("p", position.render()));
    }

    public Optional<FeedKey> decode(Optional<String> cursor, ArticleQuery query) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        JsonNode fields = positions.open(PARAMETER, KIND, cursor.get(), query);
        try {
            return Optional.of(FeedKey.parse(fields.path("p").asText()));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(PARAMETER, "The cursor is not one this API issued; start again without it.");
        }
    }
}

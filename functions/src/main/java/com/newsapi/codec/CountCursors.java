package com.newsapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.CountKind;
import java.util.Optional;

/**
 * Cursors of the {@code /tags} and {@code /authors} pages: the key (normalised name) a page ended
 * at, sealed by {@link SignedPositions} with the route as its kind, so a changed name, a cursor of
 * the other route, or a list or sync cursor is a 400.
 */
public final class CountCursors {

    private static final String CURSOR = "cursor";

    private final SignedPositions positions;

    public CountCursors(SignedPositions positions) {
        this.positions = positions;
    }

    public String encode(CountKind kind, String key) {
        return positions.seal(kindOf(kind), ArticleQuery.ALL, json -> json.writeStringField("n", key));
    }

    public Optional<String> decode(Optional<String> cursor, CountKind kind) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = positions.open(CURSOR, kindOf(kind), cursor.get(), ArticleQuery.ALL);
        String key = node.path("n").asText("");
        if (key.isEmpty()) {
            throw new InvalidParameter(CURSOR, "The cursor is not one this API issued; start again without it.");
        }
        return Optional.of(key);
    }

    /** Distinct from every other kind SignedPositions seals ("list", "cursor", "syncToken"). */
    private static String kindOf(CountKind kind) {
        return kind == CountKind.TAG ? "tags" : "authors";
    }
}

package com.newsapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Cursors of {@code GET /desk/articles/{id}/revisions}: the article and the version a page ended
 * at, sealed by {@link SignedPositions} (kind {@code revisions}), so a cursor of another article,
 * of another route, or an altered one is a 400.
 */
public final class RevisionCursors {

    private static final String CURSOR = "cursor";
    private static final String KIND = "revisions";

    private final SignedPositions positions;

    public RevisionCursors(SignedPositions positions) {
        this.positions = positions;
    }

    public String encode(String id, long version) {
        return positions.seal(KIND, ArticleQuery.ALL, json -> {
            json.writeStringField("a", id);
            json.writeNumberField("v", version);
        });
    }

    /** The version the next page starts below; empty without a cursor. */
    public OptionalLong decode(Optional<String> cursor, String id) {
        if (cursor.isEmpty()) {
            return OptionalLong.empty();
        }
        JsonNode node = positions.open(CURSOR, KIND, cursor.get(), ArticleQuery.ALL);
        if (!id.equals(node.path("a").asText())) {
            throw new InvalidParameter(CURSOR, "The cursor was issued for another article's revisions; start again without it.");
        }
        long version = node.path("v").asLong(0);
        if (!node.path("v").isIntegralNumber() || version < 1) {
            throw new InvalidParameter(CURSOR, "The cursor is not one this API issued; start again without it.");
        }
        return OptionalLong.of(version);
    }
}

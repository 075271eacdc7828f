package com.newsapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.ArticleIds;
import com.newsapi.model.DeskPosition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Cursors of {@code GET /desk/articles}, sealed by {@link SignedPositions} as kind {@code desk}: the
 * position a page ended at ({@link DeskPosition}), tied to the page's filters (tag, author, q by
 * the filter digest, the status filter as a field), so a cursor of another list or filter is a 400.
 */
public final class DeskCursors {

    private static final String PARAMETER = "cursor";
    private static final String KIND = "desk";

    private final SignedPositions positions;

    public DeskCursors(SignedPositions positions) {
        this.positions = positions;
    }

    public String encode(DeskPosition position, Optional<ArticleStatus> status, ArticleQuery query) {
        return positions.seal(KIND, query, json -> {
            json.writeStringField("u", position.updatedAt());
            json.writeStringField("s", position.status().wireName());
            json.writeStringField("i", position.id());
            json.writeStringField("st", status.map(ArticleStatus::wireName).orElse(""));
        });
    }

    public Optional<DeskPosition> decode(Optional<String> cursor, Optional<ArticleStatus> status, ArticleQuery query) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        JsonNode fields = positions.open(PARAMETER, KIND, cursor.get(), query);
        if (!status.map(ArticleStatus::wireName).orElse("").equals(fields.path("st").asText())) {
            throw new InvalidParameter(PARAMETER, "The cursor was issued for a request with other filters;"
                    + " repeat those filters, or start again without it.");
        }
        try {
            String updatedAt = fields.path("u").asText();
            Instant.parse(updatedAt);
            String id = fields.path("i").asText();
            if (!ArticleIds.isId(id)) {
                throw new IllegalArgumentException("not an id");
            }
            return Optional.of(new DeskPosition(updatedAt, ArticleStatus.fromWireName(fields.path("s").asText()), id));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidParameter(PARAMETER, "The cursor is not one this API issued; start again without it.");
        }
    }
}

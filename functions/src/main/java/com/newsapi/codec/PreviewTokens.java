package com.newsapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleIds;
import java.time.Instant;
import java.util.Optional;

/**
 * The tokens of preview links, sealed by {@link SignedPositions} (kind {@code preview}, so no list
 * cursor, sync token or count cursor opens as one, nor one as them): an article id and the second
 * the link expires. About 130 URL-safe characters. Whether it has expired is the caller's to decide
 * ({@link com.newsapi.service.PreviewService}), with its clock.
 */
public final class PreviewTokens {

    private static final String KIND = "preview";
    /** What SignedPositions names in its refusals; never shown, since every refusal here is empty. */
    private static final String PARAMETER = "token";

    /** What a token grants: reading this article until this instant. */
    public record Grant(String articleId, Instant expiresAt) {
    }

    private final SignedPositions positions;

    public PreviewTokens(SignedPositions positions) {
        this.positions = positions;
    }

    public String encode(Grant grant) {
        return positions.seal(KIND, ArticleQuery.ALL, json -> {
            json.writeStringField("i", grant.articleId());
            json.writeNumberField("e", grant.expiresAt().getEpochSecond());
        });
    }

    /** The grant of a token this API signed as a preview; empty for anything else. */
    public Optional<Grant> decode(String token) {
        JsonNode fields;
        try {
            fields = positions.open(PARAMETER, KIND, token, ArticleQuery.ALL);
        } catch (InvalidParameter e) {
            return Optional.empty();
        }
        String id = fields.path("i").asText("");
        JsonNode expiry = fields.path("e");
        if (!ArticleIds.isId(id) || !expiry.isIntegralNumber() || !expiry.canConvertToLong()) {
            return Optional.empty();
        }
        return Optional.of(new Grant(id, Instant.ofEpochSecond(expiry.asLong())));
    }
}

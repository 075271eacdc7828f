package com.newsapi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.error.InvalidParameter;
import com.newsapi.http.ListQueries;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.FeedKey;
import com.newsapi.model.SyncPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** List cursors are signed positions: only what this API issued, for this same query, is read back. */
class CursorsTest {

    private static final String OLD_KEY = "old-signing-key-0123456789abcdef";
    private static final String NEW_KEY = "new-signing-key-0123456789abcdef";
    private static final FeedKey POSITION = new FeedKey(Instant.parse("2025-01-24T20:20:00Z"), "76d4847c855c7079");
    private static final ArticleQuery POLITICS = ListQueries.tagAndAuthor(APIGatewayV2HTTPEvent.builder()
            .withQueryStringParameters(Map.of("tag", "politics")).build());

    private final Cursors cursors = new Cursors(new SignedPositions(NEW_KEY));

    @Test
    void decode_returnsThePositionItWasIssuedFor() {
        String cursor = cursors.encode(POSITION, POLITICS);

        assertThat(cursors.decode(Optional.of(cursor), POLITICS)).contains(POSITION);
        assertThat(cursors.decode(Optional.empty(), POLITICS)).isEmpty();
    }

    @Test
    void decode_refusesACursorWhosePositionWasAltered() {
        String cursor = cursors.encode(POSITION, POLITICS);
        String tampered = replaceInPayload(cursor, "2025-01-24T20:20:00.000Z", "2000-01-01T00:00:00.000Z");

        assertThat(tampered).isNotEqualTo(cursor);
        assertRefused(() -> cursors.decode(Optional.of(tampered), POLITICS), "not one this API issued");
    }

    @Test
    void decode_refusesACursorCutShort() {
        String cursor = cursors.encode(POSITION, POLITICS);

        assertRefused(() -> cursors.decode(Optional.of(cursor.substring(0, cursor.length() - 3)), POLITICS), "not one this API issued");
        assertRefused(() -> cursors.decode(Optional.of(cursor.substring(0, cursor.indexOf('.'))), POLITICS), "not one this API issued");
    }

    @Test
    void decode_refusesAVariantSpelling_whoseLastCharacterDiffersOnlyInUnusedBits() {
        String cursor = cursors.encode(POSITION, POLITICS);
        // A 16-byte signature is 22 base64 characters, the last carrying 2 bits the decoder ignores.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(cursor.charAt(cursor.length() - 1));
        String variant = cursor.substring(0, cursor.length() - 1) + alphabet.charAt(last ^ 1);

        assertThat(Base64.getUrlDecoder().decode(variant.substring(variant.indexOf('.') + 1)))
                .isEqualTo(Base64.getUrlDecoder().decode(cursor.substring(cursor.indexOf('.') + 1)));
        assertRefused(() -> cursors.decode(Optional.of(variant), POLITICS), "not one this API issued");
    }

    @Test
    void decode_refusesACursorSignedWithAnotherKey() {
        String foreign = new Cursors(new SignedPositions("someone-elses-key-0123456789")).encode(POSITION, POLITICS);

        assertRefused(() -> cursors.decode(Optional.of(foreign), POLITICS), "not one this API issued");
    }

    @Test
    void duringRotation_aCursorSignedWithThePreviousKey_isStillRead_andNewOnesUseTheFirstKey() {
        String issuedBeforeRotation = new Cursors(new SignedPositions(OLD_KEY)).encode(POSITION, POLITICS);
        Cursors rotated = new Cursors(new SignedPositions(List.of(NEW_KEY, OLD_KEY)));

        String issuedAfter = rotated.encode(POSITION, POLITICS);

        assertThat(rotated.decode(Optional.of(issuedBeforeRotation), POLITICS)).contains(POSITION);
        assertThat(cursors.decode(Optional.of(issuedAfter), POLITICS)).contains(POSITION);
    }

    @Test
    void decode_refusesACursorOfAnotherFilter() {
        String cursor = cursors.encode(POSITION, POLITICS);

        assertRefused(() -> cursors.decode(Optional.of(cursor), ArticleQuery.ALL), "other filters");
    }

    @Test
    void listCursorsAndSyncPositions_cannotStandInForEachOther() {
        SignedPositions keys = new SignedPositions(NEW_KEY);
        SyncTokens sync = new SyncTokens(keys);
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        String syncCursor = sync.encode(new SyncPosition(false, at, at, at, Optional.of(POSITION)), ArticleQuery.ALL);
        String listCursor = new Cursors(keys).encode(POSITION, ArticleQuery.ALL);

        assertRefused(() -> new Cursors(keys).decode(Optional.of(syncCursor), ArticleQuery.ALL), "not one this API issued");
        assertThatThrownBy(() -> sync.decode(SyncTokens.CURSOR, listCursor, ArticleQuery.ALL)).isInstanceOf(InvalidParameter.class);
    }

    /** Rewrites the signed JSON and keeps the signature: what a client trying to move its cursor would do. */
    private static String replaceInPayload(String cursor, String from, String to) {
        int dot = cursor.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace(from, to).getBytes(StandardCharsets.UTF_8))
                + cursor.substring(dot);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode, String detail) {
        assertThatThrownBy(decode).isInstanceOfSatisfying(InvalidParameter.class, refused -> {
            assertThat(refused.parameter()).isEqualTo("cursor");
            assertThat(refused.getMessage()).contains(detail);
        });
    }
}

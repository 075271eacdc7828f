package com.newsapi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.newsapi.error.InvalidParameter;
import com.newsapi.codec.CountCursors;
import com.newsapi.codec.Cursors;
import com.newsapi.codec.SignedPositions;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.CountKind;
import java.util.Optional;

/**
 * Any text as a cursor is either a position this API issued or a clear 400, never another failure.
 * `make test` replays the corpus in src/test/resources; CI fuzzes each target for a bounded time.
 */
class CursorFuzzTest {

    private static final SignedPositions POSITIONS = new SignedPositions("fuzz-cursor-signing-key-0123456789");
    private static final Cursors CURSORS = new Cursors(POSITIONS);
    private static final CountCursors COUNT_CURSORS = new CountCursors(POSITIONS);

    @FuzzTest(maxDuration = "60s")
    void decode_acceptsOnlyCursorsItIssued_andThrowsNothingElse(FuzzedDataProvider data) {
        try {
            CURSORS.decode(Optional.of(data.consumeRemainingAsString()), ArticleQuery.ALL);
        } catch (InvalidParameter expected) {
            // the documented answer: 400 naming the cursor parameter
        }
    }

    @FuzzTest(maxDuration = "60s")
    void countCursors_acceptOnlyCursorsIssued_andThrowNothingElse(FuzzedDataProvider data) {
        CountKind kind = data.consumeBoolean() ? CountKind.TAG : CountKind.AUTHOR;
        try {
            COUNT_CURSORS.decode(Optional.of(data.consumeRemainingAsString()), kind);
        } catch (InvalidParameter expected) {
            // the documented answer: 400 naming the cursor parameter
        }
    }
}

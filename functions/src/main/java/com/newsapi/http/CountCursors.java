package com.newsapi.http;

import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.store.ArticleIds;
import com.newsapi.store.CountKind;
import com.newsapi.store.FeedKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Cursors of the {@code /tags} and {@code /authors} pages: the key (normalised name) a page ended
 * at, beside a {@link Cursors} cursor whose query digest names that key and route. A feed position
 * cannot hold a name of up to 100 characters, so the name travels in the clear and {@link Cursors}
 * vouches for it: whatever that codec checks (the digest, a signature) covers the name too, and a
 * changed name, or a cursor of the other route, is a 400.
 */
public final class CountCursors {

    /** Not in the URL-safe Base64 alphabet, nor in {@link Cursors}' output. */
    private static final String SEPARATOR = "~";
    private static final int MAX_KEY_BYTES = 400;
    private static final int MAX_LENGTH = 1200;

    private CountCursors() {
    }

    public static String encode(CountKind kind, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8))
                + SEPARATOR + Cursors.encode(position(kind, key), scope(kind, key));
    }

    public static Optional<String> decode(Optional<String> cursor, CountKind kind) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        String text = cursor.get();
        int separator = text.indexOf(SEPARATOR);
        if (text.length() > MAX_LENGTH || separator < 1) {
            throw invalid();
        }
        String key;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text.substring(0, separator));
            key = new String(bytes, StandardCharsets.UTF_8);
            if (bytes.length > MAX_KEY_BYTES || !key.equals(normalised(kind, key))) {
                throw invalid();
            }
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Optional<FeedKey> position = Cursors.decode(Optional.of(text.substring(separator + 1)), scope(kind, key));
        if (!position.equals(Optional.of(position(kind, key)))) {
            throw invalid();
        }
        return Optional.of(key);
    }

    /** A feed position standing for the key (Cursors carries positions): a digest of the route and key. */
    private static FeedKey position(CountKind kind, String key) {
        return new FeedKey(Instant.EPOCH, ArticleIds.deterministicId("counts", kind.name(), key));
    }

    /** The query the digest is taken of: the key as a tag filter for /tags, as an author filter for /authors. */
    private static ArticleQuery scope(CountKind kind, String key) {
        return new ArticleQuery(kind == CountKind.TAG ? Optional.of(key) : Optional.empty(),
                kind == CountKind.AUTHOR ? Optional.of(key) : Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    }

    private static String normalised(CountKind kind, String key) {
        return kind == CountKind.TAG ? ArticleQuery.normaliseTag(key) : ArticleQuery.normaliseAuthor(key);
    }

    private static InvalidParameter invalid() {
        return new InvalidParameter("cursor", "The cursor is not one this API issued; start again without it.");
    }
}

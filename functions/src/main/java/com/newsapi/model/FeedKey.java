package com.newsapi.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A position in a newest-first feed: the instant an article sorts by, then its id to break ties.
 * Rendered as a fixed-width string so DynamoDB's byte order on the sort key is time order.
 */
public record FeedKey(Instant at, String id) implements Comparable<FeedKey> {

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z#" + ArticleIds.ID_PATTERN);

    public FeedKey {
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Where an article sits in the newest-first feeds: its feed instant, then its id. */
    public static FeedKey of(Article article) {
        return new FeedKey(article.feedInstant(), article.id());
    }

    /** Sorts before every key. */
    public static final String MIN = "0000";

    /** Sorts after every undated article's key ({@link Article#UNDATED}) and before every dated one's. */
    public static final String DATED = upperBound(Article.UNDATED);

    /** The first key at or after this instant: keys below it are earlier. */
    public static String lowerBound(Instant instant) {
        return FIXED_WIDTH.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A bound above every key at or before this instant. */
    public static String upperBound(Instant instant) {
        return lowerBound(instant.truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
    }

    public String render() {
        return FIXED_WIDTH.format(at) + "#" + id;
    }

    /** Parses a rendered key; throws IllegalArgumentException for anything that is not one. */
    public static FeedKey parse(String rendered) {
        if (rendered == null || !SHAPE.matcher(rendered).matches()) {
            throw new IllegalArgumentException("not a feed key");
        }
        int hash = rendered.indexOf('#');
        try {
            return new FeedKey(Instant.parse(rendered.substring(0, hash)), rendered.substring(hash + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a feed key", e);
        }
    }

    /**
     * The order of {@link #render()} (fixed width, so time first, then id), without formatting
     * either key: merging the feed's shards compares keys several times per article.
     */
    @Override
    public int compareTo(FeedKey other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : id.compareTo(other.id);
    }
}

package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.codec.ArticleFields;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.search.InvalidSearch;
import com.newsapi.search.SearchQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and validates the filters of {@code GET /articles}. */
public final class ListQueries {

    static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor", "tag", "author", "from", "to", "q", "fields", "excerpt");
    static final int MAX_TAG_LENGTH = 50;
    static final int MAX_AUTHOR_LENGTH = 100;
    static final int MAX_QUERY_LENGTH = 200;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private ListQueries() {
    }

    public static ArticleQuery parse(APIGatewayV2HTTPEvent event) {
        rejectUnknown(event, LIST_PARAMETERS);
        Optional<String> tag = text(event, "tag", MAX_TAG_LENGTH);
        Optional<String> author = text(event, "author", MAX_AUTHOR_LENGTH);
        Optional<Instant> from = Requests.query(event, "from").map(value -> instant("from", value, false));
        Optional<Instant> until = Requests.query(event, "to").map(value -> instant("to", value, true));
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new InvalidParameter("from", "'from' must be earlier than 'to'.");
        }
        return new ArticleQuery(tag, author, from, until, search(event)).withExcerpt(excerpt(event));
    }

    private static SearchQuery search(APIGatewayV2HTTPEvent event) {
        Optional<String> q = text(event, "q", MAX_QUERY_LENGTH);
        if (q.isEmpty()) {
            return SearchQuery.NONE;
        }
        try {
            return SearchQuery.parse(q.get());
        } catch (InvalidSearch e) {
            throw new InvalidParameter("q", e.getMessage());
        }
    }

    static final Set<String> DESK_PARAMETERS = Set.of("status", "author", "tag", "q", "limit", "cursor");

    /** The filters of {@code GET /desk/articles} besides its status: {@code tag}, {@code author} and {@code q}, checked as lists check them. */
    public static ArticleQuery desk(APIGatewayV2HTTPEvent event) {
        rejectUnknown(event, DESK_PARAMETERS);
        return new ArticleQuery(text(event, "tag", MAX_TAG_LENGTH), text(event, "author", MAX_AUTHOR_LENGTH),
                Optional.empty(), Optional.empty(), search(event));
    }

    /** {@code status=draft|scheduled|published} of the desk list, or none (every status). */
    public static Optional<ArticleStatus> deskStatus(APIGatewayV2HTTPEvent event) {
        return Requests.query(event, "status").map(value -> switch (value) {
            case "draft" -> ArticleStatus.DRAFT;
            case "scheduled" -> ArticleStatus.SCHEDULED;
            case "published" -> ArticleStatus.PUBLISHED;
            default -> throw new InvalidParameter("status", "'status' must be draft, scheduled or published.");
        });
    }

    /** {@code excerpt=true} keeps only teasers, {@code excerpt=false} only full stories; nothing else is a value. */
    private static Optional<Boolean> excerpt(APIGatewayV2HTTPEvent event) {
        return Requests.query(event, "excerpt").map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameter("excerpt", "'excerpt' must be true (only teasers) or false (only full stories).");
        });
    }

    /** Only the {@code tag} and {@code author} filters (what a sync may be narrowed by), checked as lists check them. */
    public static ArticleQuery tagAndAuthor(APIGatewayV2HTTPEvent event) {
        return new ArticleQuery(text(event, "tag", MAX_TAG_LENGTH), text(event, "author", MAX_AUTHOR_LENGTH),
                Optional.empty(), Optional.empty(), SearchQuery.NONE);
    }

    /** Unknown parameters are refused rather than ignored, so a misspelt filter is never silently dropped. */
    public static void rejectUnknown(APIGatewayV2HTTPEvent event, Set<String> known) {
        Map<String, String> query = event.getQueryStringParameters();
        if (query == null) {
            return;
        }
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParameter(name.length() > 40 ? name.substring(0, 40) : name,
                        "Unknown query parameter; this route takes: " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }

    private static Optional<String> text(APIGatewayV2HTTPEvent event, String name, int maxLength) {
        Optional<String> raw = Requests.query(event, name);
        if (raw.isEmpty()) {
            return raw;
        }
        String value = raw.get().strip();
        if (value.isEmpty() || value.length() > maxLength || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameter(name, "'" + name + "' must be 1 to " + maxLength + " printable characters.");
        }
        return Optional.of(value);
    }

    /** A date (a whole UTC day: from its start, or to its end) or an ISO-8601 date-time with offset. */
    private static Instant instant(String name, String value, boolean endOfRange) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                if (day.getYear() < 1900 || day.getYear() > 9998) {
                    throw new InvalidParameter(name, "'" + name + "' must lie between the years 1900 and 9999.");
                }
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            Instant instant = OffsetDateTime.parse(text).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new InvalidParameter(name, "'" + name + "' must lie between the years 1900 and 9999.");
            }
            return endOfRange ? instant.plusMillis(1) : instant;
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "'" + name + "' must be an ISO-8601 date (2025-01-24) or date-time (2025-01-24T20:20:00Z).");
        }
    }

    /** The fields {@code fields=a,b,c} asks for (see {@link ArticleFields#parse}), or {@code defaults} when absent. */
    public static Set<ArticleFields> fields(APIGatewayV2HTTPEvent event, Set<ArticleFields> defaults) {
        return Requests.query(event, ArticleFields.PARAMETER).map(ArticleFields::parse).orElse(defaults);
    }
}

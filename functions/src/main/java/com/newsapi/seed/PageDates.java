package com.newsapi.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Publication dates as news pages print them ("January 24, 2025 8:20 pm", "Jan 24, 2025",
 * "2025-01-24"). Pages give no time zone, so a date is read as UTC; a date without a time is
 * midnight UTC. A line that is not wholly a date is not one.
 */
final class PageDates {

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            formatter("MMMM d, uuuu h:mm a"), formatter("MMM d, uuuu h:mm a"),
            formatter("MMMM d, uuuu H:mm"), formatter("MMM d, uuuu H:mm"),
            formatter("d MMMM uuuu h:mm a"), formatter("d MMMM uuuu H:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(
            formatter("MMMM d, uuuu"), formatter("MMM d, uuuu"), formatter("d MMMM uuuu"), formatter("d MMM uuuu"));

    private PageDates() {
    }

    static Optional<Instant> parse(String line) {
        String text = line.strip().replaceAll("(?i)\\b(am|pm)\\b", "$1").replaceAll("\\s+", " ");
        if (text.length() < 8 || text.length() > 40) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text, format).atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            return Optional.of(text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}

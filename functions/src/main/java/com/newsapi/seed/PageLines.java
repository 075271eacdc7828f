package com.newsapi.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-level facts about scraped text: normalising, and recognising page furniture and dates. */
final class PageLines {

    /** Lines that are never content, whole-line and case-insensitive. */
    private static final Pattern FURNITURE = Pattern.compile(
            "(?i)(full news|-? *advertisement *-?|read more|share( this)?|print|more from author|related (news|posts|articles)|more news)");
    /** Headings whose following lines, up to the next blank line, are lists of other stories. */
    private static final Pattern RELATED_LIST = Pattern.compile("(?i)related (news|posts|articles)");
    private static final Pattern MORE_NEWS = Pattern.compile("(?i)more news");
    private static final Pattern TRENDING = Pattern.compile("(?i)trending on (.+)");
    private static final Pattern AUTHOR_BOX = Pattern.compile("(?i)more from author");

    private PageLines() {
    }

    /** NBSP and other odd spaces become plain ones; runs collapse; ends trimmed. */
    static String normalise(String line) {
        return line.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ')
                .replaceAll("[\\p{Cntrl}&&[^\\t]]", "")
                .replaceAll("[ \\t]+", " ")
                .strip();
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R", -1)) {
            lines.add(normalise(raw));
        }
        return lines;
    }

    static boolean isFurniture(String line) {
        return FURNITURE.matcher(line).matches() || TRENDING.matcher(line).matches();
    }

    static boolean startsRelatedList(String line) {
        return RELATED_LIST.matcher(line).matches();
    }

    static boolean startsTeasers(String line) {
        return MORE_NEWS.matcher(line).matches();
    }

    static boolean startsAuthorBox(String line) {
        return AUTHOR_BOX.matcher(line).matches();
    }

    /** The site a "Trending on X" line names, or null. */
    static String trendingSite(String line) {
        Matcher trending = TRENDING.matcher(line);
        return trending.matches() ? trending.group(1).strip() : null;
    }

    /** True for a line that ends a sentence, as paragraphs do and headings do not. */
    static boolean endsSentence(String line) {
        return line.matches(".*[.!?…:;]([\"”’')\\]]*)$") || line.endsWith("[…]") || line.endsWith("[...]");
    }

    static int words(String line) {
        return line.isBlank() ? 0 : line.split("\\s+").length;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

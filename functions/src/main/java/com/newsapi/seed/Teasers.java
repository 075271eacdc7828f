package com.newsapi.seed;

import com.newsapi.model.Block;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The "More News" teasers: a headline line, then its text ending in "[…]". Each becomes an excerpt
 * of its own (title and summary); a headline without text is dropped. A teaser is dated by its page:
 * the page shows it on that date, so the story it stands for appeared no later (the best date known).
 */
final class Teasers {

    private Teasers() {
    }

    static List<ParsedArticle> read(List<String> lines, String siteName, Instant pageDate) {
        List<ParsedArticle> teasers = new ArrayList<>();
        String title = null;
        for (String line : lines) {
            if (line.isEmpty() || PageLines.isFurniture(line)) {
                continue;
            }
            if (title == null || !isTeaserText(line)) {
                title = isTeaserText(line) ? null : line;
                continue;
            }
            String summary = clean(line);
            teasers.add(new ParsedArticle(title, summary, List.of(Block.paragraph(summary)), pageDate, null, siteName, true));
            title = null;
        }
        return teasers;
    }

    /** Teaser text is prose: it ends a sentence or is cut off with "[…]". */
    private static boolean isTeaserText(String line) {
        return PageLines.endsSentence(line) || PageLines.words(line) > Subheadings.MAX_PARAGRAPH_FREE_WORDS;
    }

    /** "[…]" becomes "…" (or goes, after a finished sentence); markdown-like *emphasis* loses its asterisks; a dash glued to a dateline gets its space. */
    static String clean(String text) {
        return text.replaceAll("([.!?\"”’])\\s*\\[(…|\\.\\.\\.)]$", "$1")
                .replaceAll("\\s*\\[(…|\\.\\.\\.)]$", "…")
                .replace("*", "")
                .replaceAll("(\\S)([–—]) ", "$1 $2 ")
                .strip();
    }
}

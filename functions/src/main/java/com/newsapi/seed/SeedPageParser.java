package com.newsapi.seed;

import com.newsapi.model.Author;
import com.newsapi.model.Block;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one raw scraped news page (plain text, a line per block) into its story and the teasers of
 * other stories it shows. A pure function: no I/O, no clock, no AWS types.
 *
 * <p>The page's date (a line of its own before the story) dates the story and every teaser.
 *
 * <p>What is furniture: the "Related News/Posts" lists, "More News" (whose teasers become excerpts
 * of their own), the author box ("More from Author", the repeated "Name, Role" lines and the bio,
 * which becomes the author's), "Full News", "- Advertisement -" and "Trending on <site>" (which
 * names the site). Inside the story a short line without closing punctuation is either a subheading
 * or a promo link to another story; see {@link Subheadings}.
 *
 * @throws SeedParseException for text with no headline or no story paragraph
 * @throws NullPointerException for a null text
 */
public final class SeedPageParser {

    static final int MAX_TITLE_WORDS = 30;
    static final int MAX_SUMMARY = 300;

    private SeedPageParser() {
    }

    public static ParsedPage parse(String text) {
        List<String> lines = PageLines.lines(text);
        List<String> story = new ArrayList<>();
        List<String> teaserLines = new ArrayList<>();
        Instant publishedAt = null;
        Author author = null;
        String siteName = null;
        boolean inList = false;
        boolean inTeasers = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String site = PageLines.trendingSite(line);
            if (site != null) {
                siteName = site;
                inList = true;
                inTeasers = false;
            } else if (inTeasers) {
                teaserLines.add(line);
            } else if (line.isEmpty()) {
                inList = false;
            } else if (PageLines.startsTeasers(line)) {
                inTeasers = true;
            } else if (PageLines.startsRelatedList(line)) {
                inList = true;
            } else if (PageLines.startsAuthorBox(line)) {
                AuthorBox box = AuthorBox.read(lines, i + 1);
                author = box.author().orElse(author);
                i = box.end() - 1;
            } else if (!inList && !PageLines.isFurniture(line)) {
                Optional<Instant> date = story.isEmpty() && publishedAt == null ? PageDates.parse(line) : Optional.empty();
                if (date.isPresent()) {
                    publishedAt = date.get();
                } else {
                    story.add(line);
                }
            }
        }
        if (story.isEmpty() || PageLines.endsSentence(story.getFirst()) && PageLines.words(story.getFirst()) > MAX_TITLE_WORDS
                || PageLines.words(story.getFirst()) > MAX_TITLE_WORDS) {
            throw new SeedParseException("The page has no headline: no short line opens its story.");
        }
        String title = story.getFirst();
        List<Block> body = Subheadings.classify(story.subList(1, story.size()));
        if (body.stream().noneMatch(block -> block.type() == Block.Type.PARAGRAPH)) {
            throw new SeedParseException("The page has no story text under its headline '" + title + "'.");
        }
        String firstParagraph = body.stream().filter(block -> block.type() == Block.Type.PARAGRAPH)
                .findFirst().orElseThrow().text();
        ParsedArticle article = new ParsedArticle(title, summaryOf(firstParagraph), body, publishedAt, author, siteName, false);
        return new ParsedPage(article, Teasers.read(teaserLines, siteName, publishedAt));
    }

    /** The first paragraph, cut at a word boundary when long. */
    static String summaryOf(String paragraph) {
        if (paragraph.length() <= MAX_SUMMARY) {
            return paragraph;
        }
        int cut = paragraph.lastIndexOf(' ', MAX_SUMMARY - 1);
        return paragraph.substring(0, cut > 0 ? cut : MAX_SUMMARY - 1).replaceAll("[\\s,;:]+$", "") + "…";
    }
}

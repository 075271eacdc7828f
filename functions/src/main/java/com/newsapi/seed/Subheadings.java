package com.newsapi.seed;

import com.newsapi.model.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sorts the story's lines into paragraphs and subheadings, dropping promo links to other stories.
 *
 * <p>A line that ends a sentence, or is long, is a paragraph. A short line without closing
 * punctuation is a subheading if it introduces what follows, and a promo otherwise: promos are
 * headlines of other stories dropped into the text, so they open with a symbol (an emoji), shout
 * ("!"), run long (over 12 words), or share too few words with the paragraph after them (a real
 * subheading shares at least 40% of its content words, compared by 5-letter stems). A short line
 * with no paragraph after it is dropped too.
 */
final class Subheadings {

    static final int MAX_PARAGRAPH_FREE_WORDS = 25;
    static final int MAX_HEADING_WORDS = 12;
    static final double MIN_OVERLAP = 0.4;
    private static final int STEM = 5;
    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "with", "from", "into", "over", "after", "its", "his", "her", "their", "that", "this",
            "are", "was", "were", "has", "have", "had", "not", "but", "all", "you", "your", "our", "who", "what", "when");

    private Subheadings() {
    }

    static List<Block> classify(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isParagraph(line)) {
                blocks.add(Block.paragraph(line));
            } else {
                String next = nextParagraph(lines, i + 1);
                if (next != null && isSubheading(line, next)) {
                    blocks.add(Block.heading(line));
                }
            }
        }
        return blocks;
    }

    static boolean isParagraph(String line) {
        return PageLines.endsSentence(line) || PageLines.words(line) > MAX_PARAGRAPH_FREE_WORDS;
    }

    static boolean isSubheading(String line, String nextParagraph) {
        int first = line.codePointAt(0);
        if (!Character.isLetterOrDigit(first) && "\"“‘'".indexOf(first) < 0) {
            return false;
        }
        if (line.contains("!") || PageLines.words(line) > MAX_HEADING_WORDS) {
            return false;
        }
        Set<String> heading = stems(line);
        if (heading.isEmpty()) {
            return false;
        }
        Set<String> following = stems(nextParagraph);
        long shared = heading.stream().filter(following::contains).count();
        return (double) shared / heading.size() >= MIN_OVERLAP;
    }

    private static String nextParagraph(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (isParagraph(lines.get(i))) {
                return lines.get(i);
            }
        }
        return null;
    }

    static Set<String> stems(String text) {
        return java.util.Arrays.stream(PageLines.lower(text).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 3 && !STOPWORDS.contains(word))
                .map(word -> word.length() > STEM ? word.substring(0, STEM) : word)
                .collect(Collectors.toSet());
    }
}

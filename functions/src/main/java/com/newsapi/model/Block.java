package com.newsapi.model;

import java.util.List;
import java.util.Objects;

/** One block of an article body, in reading order: a paragraph or a subheading. */
public record Block(Type type, String text) {

    public enum Type { PARAGRAPH, HEADING }

    public Block {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    public static Block paragraph(String text) {
        return new Block(Type.PARAGRAPH, text);
    }

    public static Block heading(String text) {
        return new Block(Type.HEADING, text);
    }

    /** Words in a body: whitespace-separated tokens with at least one letter or digit. */
    public static int wordCount(List<Block> body) {
        int words = 0;
        for (Block block : body) {
            for (String token : block.text().split("\\s+")) {
                if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words++;
                }
            }
        }
        return words;
    }
}

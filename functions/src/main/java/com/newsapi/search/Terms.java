package com.newsapi.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text becomes words: the same functions make the index terms of an article, the words it is
 * checked against and the words of a query, so matching is case- and accent-insensitive by
 * construction ("Zürich" finds "zurich").
 */
public final class Terms {

    /** Longer words are cut: nobody searches for 40-letter words, and keys stay small. */
    static final int MAX_TERM_LENGTH = 40;

    /** Words too common to narrow a search: not indexed, so a query needs at least one other word. */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her",
            "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they", "this",
            "to", "was", "were", "will", "with");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** A possessive's 's ("Korea’s" is the word korea), then any other apostrophe joins ("don't" is dont). */
    private static final Pattern POSSESSIVE = Pattern.compile("['’‘`]s(?![\\p{L}\\p{N}])");
    private static final Pattern APOSTROPHE = Pattern.compile("['’‘`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Terms() {
    }

    /** Lower case, accents removed (compatibility decomposition, marks dropped): the project's one folder, for words and slugs. */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The folded words of a text, in order, very common ones included; punctuation separates words. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String joined = APOSTROPHE.matcher(POSSESSIVE.matcher(fold(text)).replaceAll("")).replaceAll("");
        for (String word : SEPARATORS.split(joined)) {
            if (!word.isEmpty()) {
                words.add(word.length() > MAX_TERM_LENGTH ? word.substring(0, MAX_TERM_LENGTH) : word);
            }
        }
        return words;
    }

    public static boolean isStopword(String word) {
        return STOPWORDS.contains(word);
    }

    /** The indexed terms of a text given as passages: its distinct words, very common ones left out. */
    public static Set<String> of(List<List<String>> passages) {
        Set<String> terms = new LinkedHashSet<>();
        for (List<String> passage : passages) {
            for (String word : passage) {
                if (!isStopword(word)) {
                    terms.add(word);
                }
            }
        }
        return terms;
    }
}

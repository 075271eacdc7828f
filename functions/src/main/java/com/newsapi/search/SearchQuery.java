package com.newsapi.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code q} asks for: phrases that must all occur in an article's title, summary or body, and
 * phrases that must not. A bare word is a phrase of one word; a word with punctuation inside
 * ("covid-19", "U.S.") is the phrase of its parts, as the same text in an article would be read.
 * Every phrase is checked against the article's folded text; the postings of one word only find
 * the candidates.
 *
 * @param required phrases (each a run of folded words) that must all occur
 * @param excluded phrases none of which may occur
 */
public record SearchQuery(List<List<String>> required, List<List<String>> excluded) {

    /** No search: every article matches. */
    public static final SearchQuery NONE = new SearchQuery(List.of(), List.of());

    /** At most this many distinct words, very common ones not counted. */
    public static final int MAX_WORDS = 8;

    private static final String QUOTES = "\"“”„";
    private static final Set<String> OPERATORS = Set.of("OR", "AND", "NOT", "|", "||", "&&");
    /** A name then a colon then a value, as in title:brexit (a time such as 10:30 is two numbers, as in the text). */
    private static final Pattern FIELD = Pattern.compile("\\p{L}[\\p{L}\\p{N}_]*:\\S.*");
    private static final Pattern INNER_QUESTION_MARK = Pattern.compile(".*[\\p{L}\\p{N}]\\?[\\p{L}\\p{N}].*");
    private static final int MAX_ECHOED = 40;

    public SearchQuery {
        required = List.copyOf(distinct(required));
        excluded = List.copyOf(distinct(excluded));
    }

    public boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }

    /**
     * Reads a search text: words, {@code "quoted phrases"} and {@code -word} or {@code -"phrase"}
     * exclusions, separated by spaces. Anything else with a meaning in other search syntaxes
     * (OR/AND/NOT, wildcards, field:value, parentheses, +, ~, ^, an unbalanced quote) is refused,
     * never read as something else.
     *
     * @throws InvalidSearch naming what is not supported, or when nothing is left to look up
     */
    public static SearchQuery parse(String text) {
        List<List<String>> required = new ArrayList<>();
        List<List<String>> excluded = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
                continue;
            }
            boolean exclude = text.charAt(at) == '-';
            int start = exclude ? at + 1 : at;
            List<String> words;
            if (start < text.length() && isQuote(text.charAt(start))) {
                int close = nextQuote(text, start + 1);
                if (close < 0) {
                    throw new InvalidSearch("'q' has an opening quote without a closing one.");
                }
                words = Terms.words(text.substring(start + 1, close));
                if (words.isEmpty()) {
                    throw new InvalidSearch("'q' has a quoted phrase without words.");
                }
                at = close + 1;
            } else {
                int end = start;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && !isQuote(text.charAt(end))) {
                    end++;
                }
                String token = text.substring(start, end);
                at = end;
                refuseUnsupported(token);
                words = Terms.words(token);
                if (words.isEmpty()) {
                    continue; // punctuation alone ("-", "—", "&") separates words, as it does in the text
                }
            }
            (exclude ? excluded : required).add(words);
        }
        return checked(new SearchQuery(required, excluded));
    }

    private static void refuseUnsupported(String token) {
        String shown = token.length() > MAX_ECHOED ? token.substring(0, MAX_ECHOED) + "…" : token;
        if (OPERATORS.contains(token)) {
            throw new InvalidSearch("'q' does not support the operator " + token
                    + ": every word is already required and -word excludes one (write a word in lower case to search for it).");
        }
        if (token.indexOf('*') >= 0 || INNER_QUESTION_MARK.matcher(token).matches()) {
            throw new InvalidSearch("'q' does not support wildcards (" + shown + "): words match whole.");
        }
        if (token.indexOf('(') >= 0 || token.indexOf(')') >= 0) {
            throw new InvalidSearch("'q' does not support parentheses: every word is already required.");
        }
        if (FIELD.matcher(token).matches()) {
            throw new InvalidSearch("'q' does not support field:value (" + shown + "); filter with tag, author, from and to.");
        }
        if (token.startsWith("+")) {
            throw new InvalidSearch("'q' does not support '+': every word is already required.");
        }
        if (token.indexOf('~') >= 0 || token.indexOf('^') >= 0) {
            throw new InvalidSearch("'q' does not support fuzzy (~) or boosted (^) words (" + shown + ").");
        }
    }

    private static SearchQuery checked(SearchQuery query) {
        if (query.required.isEmpty() && !query.excluded.isEmpty()) {
            throw new InvalidSearch("'q' only excludes words: name at least one word to search for.");
        }
        if (indexed(query.required.stream()).findAny().isEmpty()) {
            throw new InvalidSearch("'q' has no searchable words (only punctuation or very common words).");
        }
        if (indexed(Stream.concat(query.required.stream(), query.excluded.stream())).distinct().count() > MAX_WORDS) {
            throw new InvalidSearch("'q' may have at most " + MAX_WORDS + " words (very common words not counted).");
        }
        return query;
    }

    /** The word whose postings find the candidates: the longest indexed required word, likely the rarest. */
    public String lookupTerm() {
        return indexed(required.stream()).max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    /** Whether a text, given as passages of words, holds every required phrase and no excluded one. */
    public boolean matches(List<List<String>> passages) {
        return required.stream().allMatch(phrase -> occurs(phrase, passages))
                && excluded.stream().noneMatch(phrase -> occurs(phrase, passages));
    }

    /** The query in one canonical spelling (phrases sorted), so equal queries share cursors. */
    public String canonical() {
        Set<String> parts = new TreeSet<>();
        required.forEach(phrase -> parts.add(spelling(phrase)));
        excluded.forEach(phrase -> parts.add("-" + spelling(phrase)));
        return String.join(" ", parts);
    }

    private static String spelling(List<String> phrase) {
        return phrase.size() == 1 ? phrase.getFirst() : "\"" + String.join(" ", phrase) + "\"";
    }

    private static boolean occurs(List<String> phrase, List<List<String>> passages) {
        return passages.stream().anyMatch(passage -> Collections.indexOfSubList(passage, phrase) >= 0);
    }

    private static Stream<String> indexed(Stream<List<String>> phrases) {
        return phrases.flatMap(List::stream).filter(word -> !Terms.isStopword(word));
    }

    private static List<List<String>> distinct(List<List<String>> phrases) {
        return List.copyOf(new LinkedHashSet<>(phrases.stream().map(List::copyOf).toList()));
    }

    private static boolean isQuote(char c) {
        return QUOTES.indexOf(c) >= 0;
    }

    private static int nextQuote(String text, int from) {
        for (int at = from; at < text.length(); at++) {
            if (isQuote(text.charAt(at))) {
                return at;
            }
        }
        return -1;
    }
}

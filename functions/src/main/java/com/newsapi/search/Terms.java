package com.newsapi.search;

import com.newsapi.model.Article;
import com.newsapi.model.Block;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keyword search terms: the same function makes the index terms of an article and the terms of a
 * query, so matching is case- and accent-insensitive by construction ("Zürich" finds "zurich").
 */
public final class Terms {

    /** Longer tokens are cut: nobody searches for 40-letter words, and keys stay small. */
    static final int MAX_TERM_LENGTH = 40;

    /** Words too common to narrow a search; a query of only these matches nothing, as an empty query would. */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her",
            "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they", "this",
            "to", "was", "were", "will", "with");

    private Terms() {
    }

    /** The searchable terms of an article: its title and every block of its body. */
    public static Set<String> ofArticle(Article article) {
        Set<String> terms = of(article.title());
        for (Block block : article.body()) {
            terms.addAll(of(block.text()));
        }
        return terms;
    }

    /** Distinct normalised terms of a text, in first-seen order. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("['’‘`]", "")
                .toLowerCase(Locale.ROOT);
        for (String token : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty() && !STOPWORDS.contains(token)) {
                terms.add(token.length() > MAX_TERM_LENGTH ? token.substring(0, MAX_TERM_LENGTH) : token);
            }
        }
        return terms;
    }
}

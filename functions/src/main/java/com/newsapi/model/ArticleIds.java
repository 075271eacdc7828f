package com.newsapi.model;

import com.newsapi.digest.Sha256;
import com.newsapi.search.Terms;
import java.util.regex.Pattern;

/** How article ids and slugs look, and how they are made. */
public final class ArticleIds {

    /** 16 lowercase hex digits: 64 bits, short in URLs, collision-free at any realistic article count. */
    static final String ID_PATTERN = "[0-9a-f]{16}";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_SLUG_LENGTH = 80;

    private ArticleIds() {
    }

    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    public static boolean isSlug(String value) {
        return value != null && value.length() <= MAX_SLUG_LENGTH + 8 && SLUG.matcher(value).matches();
    }

    /** A deterministic id from stable parts, so the loader writes the same ids on every run. */
    public static String deterministicId(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(part).append('\u0000'); // each part ends in a zero byte, so ("ab", "c") and ("a", "bc") differ
        }
        return Sha256.hex(joined.toString(), 8);
    }

    /** A URL name from a title: accents folded, lower case, words joined by hyphens, at most 80 characters. */
    public static String slugOf(String title) {
        String folded = Terms.fold(title).replaceAll("['’‘`]", "");
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG_LENGTH);
        }
        return slug.isEmpty() ? "article" : slug;
    }
}

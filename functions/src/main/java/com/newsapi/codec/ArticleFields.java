package com.newsapi.codec;

import com.newsapi.error.InvalidParameter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The fields of an article a client can ask for with {@code fields=}, and the default shapes. */
public enum ArticleFields {
    ID, SLUG, TITLE, SUMMARY, BODY, AUTHOR, SOURCE, PUBLISHED_AT, UPDATED_AT, CREATED_AT, TAGS, EXCERPT,
    WORD_COUNT, STATUS, VERSION;

    /** The query parameter that names them. */
    public static final String PARAMETER = "fields";

    /** List items: enough for a card or a row, without the body. */
    public static final Set<ArticleFields> LIST_DEFAULT =
            EnumSet.of(ID, SLUG, TITLE, SUMMARY, AUTHOR, PUBLISHED_AT, UPDATED_AT, TAGS, EXCERPT, WORD_COUNT);
    public static final Set<ArticleFields> ARTICLE_DEFAULT = EnumSet.allOf(ArticleFields.class);

    /** The name on the wire: camelCase, as in the JSON. */
    public String wireName() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /**
     * The fields a comma-separated list names (the {@code fields} query parameter), plus the id.
     * An unknown name is a 400.
     */
    public static Set<ArticleFields> parse(String names) {
        // The id is always returned: a partial item a client cannot identify is of no use to it.
        Set<ArticleFields> fields = EnumSet.of(ID);
        for (String name : names.split(",", -1)) {
            fields.add(byWireName(name.trim()).orElseThrow(() -> new InvalidParameter(PARAMETER,
                    "'fields' is a comma-separated list of: " + String.join(", ", allWireNames()) + ".")));
        }
        return fields;
    }

    private static Optional<ArticleFields> byWireName(String name) {
        for (ArticleFields field : values()) {
            if (field.wireName().equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static java.util.List<String> allWireNames() {
        return java.util.Arrays.stream(values()).map(ArticleFields::wireName).toList();
    }
}

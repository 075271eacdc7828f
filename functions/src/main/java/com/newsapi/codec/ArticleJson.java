package com.newsapi.codec;

import static com.newsapi.codec.ArticleFields.AUTHOR;
import static com.newsapi.codec.ArticleFields.BODY;
import static com.newsapi.codec.ArticleFields.CREATED_AT;
import static com.newsapi.codec.ArticleFields.EXCERPT;
import static com.newsapi.codec.ArticleFields.ID;
import static com.newsapi.codec.ArticleFields.PUBLISHED_AT;
import static com.newsapi.codec.ArticleFields.SLUG;
import static com.newsapi.codec.ArticleFields.SOURCE;
import static com.newsapi.codec.ArticleFields.STATUS;
import static com.newsapi.codec.ArticleFields.SUMMARY;
import static com.newsapi.codec.ArticleFields.TAGS;
import static com.newsapi.codec.ArticleFields.TITLE;
import static com.newsapi.codec.ArticleFields.UPDATED_AT;
import static com.newsapi.codec.ArticleFields.VERSION;
import static com.newsapi.codec.ArticleFields.WORD_COUNT;

import com.fasterxml.jackson.core.JsonGenerator;
import com.newsapi.model.Article;
import com.newsapi.model.Block;
import com.newsapi.model.Count;
import com.newsapi.model.SyncEntry;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the API's JSON with streaming generators (no reflection): articles with any set of fields,
 * and the list envelope {@code {"items": [...], "nextCursor": "..." | null}}.
 */
public final class ArticleJson {

    private ArticleJson() {
    }

    /** The whole article, every field: how the write routes, the desk and a revision show it. */
    public static String whole(Article article) {
        return article(article, ArticleFields.ARTICLE_DEFAULT);
    }

    public static String article(Article article, Set<ArticleFields> fields) {
        return Json.write(json -> write(json, article, fields));
    }

    public static String list(List<Article> items, Set<ArticleFields> fields, Optional<String> nextCursor) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (Article article : items) {
                write(json, article, fields);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", nextCursor.orElse(null));
            json.writeEndObject();
        });
    }

    /** A sync item's {@code kind}: what it is, so that clients (and generated ones) can tell them apart. */
    public static final String KIND = "kind";
    public static final String KIND_ARTICLE = "article";
    public static final String KIND_DELETED = "deleted";

    /**
     * A sync page: {@code {"items": [...], "nextCursor": ..., "nextSyncToken": ...}}, where an item is
     * an article {@code {"kind": "article", "id": ..., ...}} or a tombstone
     * {@code {"kind": "deleted", "id": ..., "deleted": true, "at": ...}} ({@code kind} first, so a
     * streaming reader knows the item's type before its fields); exactly one of the two continuations
     * is set.
     */
    public static String sync(List<SyncEntry> entries, Set<ArticleFields> fields,
                              Optional<String> nextCursor, Optional<String> nextSyncToken) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (SyncEntry entry : entries) {
                if (entry.article().isPresent()) {
                    write(json, entry.article().get(), fields, KIND_ARTICLE);
                } else {
                    json.writeStartObject();
                    json.writeStringField(KIND, KIND_DELETED);
                    json.writeStringField("id", entry.id());
                    json.writeBooleanField("deleted", true);
                    json.writeStringField("at", entry.deletedAt().toString());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", nextCursor.orElse(null));
            json.writeStringField("nextSyncToken", nextSyncToken.orElse(null));
            json.writeEndObject();
        });
    }

    /** {@code {"items": [{"name": ..., "articles": n}], "nextCursor": ...}}. */
    public static String counts(List<Count> counts, Optional<String> nextCursor) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (Count count : counts) {
                json.writeStartObject();
                json.writeStringField("name", count.name());
                json.writeNumberField("articles", count.articles());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", nextCursor.orElse(null));
            json.writeEndObject();
        });
    }

    private static void write(JsonGenerator json, Article article, Set<ArticleFields> fields) throws IOException {
        write(json, article, fields, null);
    }

    /**
     * Whether writing these fields needs more of an article than the list indexes project: its body,
     * its source or its author's bio.
     */
    public static boolean needsWholeArticle(Set<ArticleFields> fields) {
        return fields.contains(BODY) || fields.contains(SOURCE) || fields.contains(AUTHOR) && showsBio(fields);
    }

    /** List cards show the author's name; the bio comes with the full article or when fields= asks for the author. */
    private static boolean showsBio(Set<ArticleFields> fields) {
        return !fields.equals(ArticleFields.LIST_DEFAULT);
    }

    /** {@code kind}, when not null, is written first (sync items); lists and single articles have none. */
    private static void write(JsonGenerator json, Article article, Set<ArticleFields> fields, String kind) throws IOException {
        json.writeStartObject();
        if (kind != null) {
            json.writeStringField(KIND, kind);
        }
        if (fields.contains(ID)) {
            json.writeStringField("id", article.id());
        }
        if (fields.contains(SLUG)) {
            json.writeStringField("slug", article.slug());
        }
        if (fields.contains(TITLE)) {
            json.writeStringField("title", article.title());
        }
        if (fields.contains(SUMMARY) && article.summary() != null) {
            json.writeStringField("summary", article.summary());
        }
        if (fields.contains(PUBLISHED_AT) && article.publishedAt() != null) {
            json.writeStringField("publishedAt", article.publishedAt().toString());
        }
        if (fields.contains(UPDATED_AT)) {
            json.writeStringField("updatedAt", article.updatedAt().toString());
        }
        if (fields.contains(CREATED_AT)) {
            json.writeStringField("createdAt", article.createdAt().toString());
        }
        if (fields.contains(TAGS)) {
            json.writeArrayFieldStart("tags");
            for (String tag : article.tags()) {
                json.writeString(tag);
            }
            json.writeEndArray();
        }
        if (fields.contains(EXCERPT)) {
            json.writeBooleanField("excerpt", article.excerpt());
        }
        if (fields.contains(WORD_COUNT)) {
            json.writeNumberField("wordCount", article.wordCount());
        }
        if (fields.contains(AUTHOR) && article.author() != null) {
            json.writeObjectFieldStart("author");
            json.writeStringField("name", article.author().name());
            if (showsBio(fields)) {
                optional(json, "bio", article.author().bio());
            }
            json.writeEndObject();
        }
        if (fields.contains(SOURCE) && article.source() != null) {
            json.writeObjectFieldStart("source");
            optional(json, "file", article.source().file());
            optional(json, "siteName", article.source().siteName());
            json.writeEndObject();
        }
        if (fields.contains(STATUS)) {
            json.writeStringField("status", article.status().wireName());
        }
        if (fields.contains(VERSION)) {
            json.writeNumberField("version", article.version());
        }
        if (fields.contains(BODY)) {
            json.writeArrayFieldStart("body");
            for (Block block : article.body()) {
                json.writeStartObject();
                json.writeStringField("type", block.type().name().toLowerCase(Locale.ROOT));
                json.writeStringField("text", block.text());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}

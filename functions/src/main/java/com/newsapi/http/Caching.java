package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.codec.ArticleFields;
import com.newsapi.digest.Sha256;
import com.newsapi.model.Article;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/** HTTP caching of article representations: strong ETags from the version, conditional GETs, CDN-friendly lifetimes. */
public final class Caching {

    /** Browsers revalidate after a minute; a CDN may keep a copy five minutes and serve it stale while refreshing. */
    public static final String ARTICLE_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=60";
    public static final String LIST_CACHE_CONTROL = "public, max-age=30, s-maxage=60";

    private Caching() {
    }

    /**
     * A strong validator of one representation: the article's version, and which fields it shows
     * (a partial response is a different representation from the full one).
     */
    public static String etag(Article article, Set<ArticleFields> fields) {
        String shape = fields.equals(ArticleFields.ARTICLE_DEFAULT) ? "" : "." + Integer.toHexString(fieldsBits(fields));
        return "\"" + article.id() + "-" + article.version() + shape + "\"";
    }

    private static int fieldsBits(Set<ArticleFields> fields) {
        int bits = 0;
        for (ArticleFields field : fields) {
            bits |= 1 << field.ordinal();
        }
        return bits;
    }

    public static Map<String, String> articleHeaders(Article article, Set<ArticleFields> fields) {
        return Map.of(
                "ETag", etag(article, fields),
                "Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(article.updatedAt().atOffset(ZoneOffset.UTC)),
                "Cache-Control", ARTICLE_CACHE_CONTROL);
    }

    /**
     * A 200 with a strong ETag taken from the body itself, or a 304 when the client already has
     * that body: for computed documents (lists, counts) that have no version of their own.
     */
    public static APIGatewayV2HTTPResponse conditional(APIGatewayV2HTTPEvent event, String body, Map<String, String> headers) {
        return conditional(event, Responses.JSON, body, headers);
    }

    public static APIGatewayV2HTTPResponse conditional(APIGatewayV2HTTPEvent event, String contentType, String body,
                                                       Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("ETag", "\"" + Sha256.hex(body, 16) + "\"");
        if (notModified(event, all.get("ETag"))) {
            return Responses.notModified(all);
        }
        return Responses.of(200, contentType, body, all);
    }

    /**
     * True when the client's If-None-Match names this representation (weak comparison, RFC 9110
     * 13.1.2), in either content coding: a gzipped copy is as current as the plain one.
     */
    public static boolean notModified(APIGatewayV2HTTPEvent event, String etag) {
        return Requests.header(event, "If-None-Match").map(header -> {
            for (String candidate : header.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*") || Compression.identityTag(stripWeak(tag)).equals(etag)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}

package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.digest.Sha256;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Block;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The answer of {@code GET /preview/{token}}: a small readable page of the article by default, its
 * JSON (as the write routes return it) when the client's Accept prefers {@code application/json}.
 * Never stored by any cache nor indexed; the page runs no script and loads nothing (its only style is
 * inline, allowed by hash), and every text in it is escaped.
 */
public final class PreviewResponses {

    static final String HTML = "text/html; charset=utf-8";
    static final String CACHE_CONTROL = Responses.PRIVATE_NO_STORE;

    private static final String STYLE = "body{margin:0;font:18px/1.6 Georgia,serif;color:#1a1a1a;background:#fff}"
            + ".banner{margin:0;padding:.6em 1em;background:#7a2e00;color:#fff;font:bold 16px/1.4 system-ui,sans-serif}"
            + "article{max-width:40em;margin:0 auto;padding:1em}"
            + "h1{font-size:2em;line-height:1.2;margin:.5em 0}"
            + ".summary{font-size:1.15em;color:#333}"
            + ".byline{font:15px/1.4 system-ui,sans-serif;color:#444}";
    /**
     * Nothing may load or run: no script, image, font, frame, form target or base; the one inline
     * style block is allowed by its hash, so an injected style attribute or element would not apply.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PreviewResponses() {
    }

    public static APIGatewayV2HTTPResponse of(APIGatewayV2HTTPEvent event, Article article) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                "Cache-Control", CACHE_CONTROL,
                "X-Robots-Tag", "noindex",
                // The token is in this page's URL: no request may carry it elsewhere as a Referer.
                "Referrer-Policy", "no-referrer",
                "X-Content-Type-Options", "nosniff",
                "Vary", "Accept"));
        if (prefersJson(Requests.header(event, "Accept").orElse(""))) {
            return Responses.json(200, WriteResponses.body(article), headers);
        }
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return Responses.of(200, HTML, page(article), headers);
    }

    /**
     * Whether an Accept header ranks {@code application/json} above {@code text/html} (RFC 9110
     * 12.5.1: each type takes the quality of the most specific range that matches it). A tie, an
     * empty header or one naming neither gets the page.
     */
    static boolean prefersJson(String accept) {
        return quality(accept, "application", "json") > quality(accept, "text", "html");
    }

    private static double quality(String accept, String type, String subtype) {
        if (accept.isBlank()) {
            return 1;
        }
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] name = parts[0].strip().toLowerCase(Locale.ROOT).split("/", 2);
            if (name.length != 2) {
                continue;
            }
            int specificity;
            if (name[0].equals(type) && name[1].equals(subtype)) {
                specificity = 2;
            } else if (name[0].equals(type) && name[1].equals("*")) {
                specificity = 1;
            } else if (name[0].equals("*") && name[1].equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = qualityOf(parts);
            }
        }
        return quality;
    }

    private static double qualityOf(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The page: a banner, then title, summary, byline and body blocks, every text escaped. */
    static String page(Article article) {
        StringBuilder html = new StringBuilder(1024 + article.body().stream().mapToInt(block -> block.text().length() + 16).sum());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>Preview: ").append(escape(article.title())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<p class=\"banner\" role=\"note\">")
                .append(article.status() == ArticleStatus.PUBLISHED ? "Preview — published" : "Preview — not published")
                .append("</p>\n<article>\n<h1>").append(escape(article.title())).append("</h1>\n");
        if (article.summary() != null) {
            html.append("<p class=\"summary\">").append(escape(article.summary())).append("</p>\n");
        }
        html.append("<p class=\"byline\">");
        if (article.author() != null) {
            html.append("By ").append(escape(article.author().name())).append(" · ");
        }
        html.append(escape(standing(article))).append("</p>\n");
        for (Block block : article.body()) {
            String tag = block.type() == Block.Type.HEADING ? "h2" : "p";
            html.append('<').append(tag).append('>').append(escape(block.text()).replace("\n", "<br>\n"))
                    .append("</").append(tag).append(">\n");
        }
        return html.append("</article>\n</body>\n</html>\n").toString();
    }

    /** Where the article stands: draft, scheduled for, or published on a date. */
    private static String standing(Article article) {
        return switch (article.status()) {
            case DRAFT -> "Draft, last saved " + date(article.updatedAt());
            case SCHEDULED -> "Scheduled for " + date(article.publishedAt());
            case PUBLISHED -> article.publishedAt() == null ? "Published" : "Published " + date(article.publishedAt());
        };
    }

    private static String date(Instant instant) {
        return instant == null ? "an unknown date" : DATE.format(instant);
    }

    /** Text as HTML element content or attribute value: the five characters HTML gives meaning to. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.of(text));
    }
}

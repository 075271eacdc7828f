package com.newsapi.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.newsapi.model.ArticleQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CDN paths an article change makes stale, computed from its stream record's old and new item
 * images, in CloudFront's invalidation path syntax (a trailing {@code *} matches any rest of the
 * URL, query string included; anything else is one exact URL).
 *
 * <ul>
 *   <li>the article by id and by slug, old and new slug, with any query ({@code ?fields=}):
 *       {@code /articles/<id>*}, {@code /articles/<slug>*};</li>
 *   <li>the first pages of the feeds it was or is in, as an app asks for them without other
 *       parameters: {@code /articles}, {@code /articles?tag=<tag>}, {@code /articles?author=<author>}
 *       (CloudFront keys a query string as sent, order and case included, so no path names every
 *       spelling of a page: other spellings age out after their {@code s-maxage});</li>
 *   <li>{@code /tags} and {@code /authors} when the change can move their counts.</li>
 * </ul>
 * Nothing for a change no reader could have seen (a draft edited, before and after).
 */
public final class StalePaths {

    /**
     * CloudFront lets a distribution have 15 wildcard paths in progress at once (and 3,000 exact
     * ones): a batch keeps well under that so that the next batches can be invalidated too.
     */
    static final int MAX_WILDCARDS = 5;
    static final int MAX_PATHS = 60;
    /** Every article and every feed page, as one wildcard path. */
    static final String EVERY_ARTICLE = "/articles*";

    private static final String ARTICLE_PREFIX = "ARTICLE#";
    private static final Set<String> LISTED = Set.of("published", "scheduled");

    private StalePaths() {
    }

    /** The paths one stream record makes stale; empty for anything but an article a reader could have seen. */
    public static Set<String> of(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        Set<String> paths = new TreeSet<>();
        boolean listedBefore = listedArticle(oldImage);
        boolean listedAfter = listedArticle(newImage);
        if (!listedBefore && !listedAfter) {
            return paths;
        }
        for (Map<String, AttributeValue> image : List.of(listedBefore ? oldImage : Map.<String, AttributeValue>of(),
                listedAfter ? newImage : Map.<String, AttributeValue>of())) {
            if (image.isEmpty()) {
                continue;
            }
            for (String key : new String[] {string(image, "id"), string(image, "slug")}) {
                if (key != null) {
                    paths.add("/articles/" + key + "*");
                }
            }
            paths.add("/articles");
            for (String tag : tags(image)) {
                paths.add("/articles?tag=" + queryValue(ArticleQuery.normaliseTag(tag)));
            }
            String author = string(image, "authorName");
            if (author != null) {
                paths.add("/articles?author=" + queryValue(ArticleQuery.normaliseAuthor(author)));
            }
        }
        boolean visibilityChanged = listedBefore != listedAfter;
        if (visibilityChanged || !tags(oldImage).equals(tags(newImage))) {
            paths.add("/tags");
        }
        if (visibilityChanged || !Objects.equals(string(oldImage, "authorName"), string(newImage, "authorName"))) {
            paths.add("/authors");
        }
        return paths;
    }

    /**
     * One invalidation for a stream batch: the union of its changes' paths, or, when that has more
     * wildcards or paths than a batch may hold, {@value #EVERY_ARTICLE} instead of every path under
     * {@code /articles} (one wildcard path, billed as one).
     */
    public static List<String> forBatch(Collection<Set<String>> changes) {
        Set<String> union = new TreeSet<>();
        changes.forEach(union::addAll);
        long wildcards = union.stream().filter(path -> path.endsWith("*")).count();
        if (wildcards <= MAX_WILDCARDS && union.size() <= MAX_PATHS) {
            return List.copyOf(union);
        }
        List<String> collapsed = new ArrayList<>(List.of(EVERY_ARTICLE));
        union.stream().filter(path -> !path.startsWith("/articles")).forEach(collapsed::add);
        return collapsed;
    }

    private static boolean listedArticle(Map<String, AttributeValue> image) {
        return image != null && image.containsKey("pk") && image.get("pk").getS() != null
                && image.get("pk").getS().startsWith(ARTICLE_PREFIX)
                && image.containsKey("status") && LISTED.contains(image.get("status").getS());
    }

    private static List<String> tags(Map<String, AttributeValue> image) {
        AttributeValue tags = image == null ? null : image.get("tags");
        if (tags == null || tags.getL() == null) {
            return List.of();
        }
        return tags.getL().stream().map(AttributeValue::getS).filter(Objects::nonNull).toList();
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image == null ? null : image.get(name);
        return value == null ? null : value.getS();
    }

    /**
     * Percent-encoded as CloudFront asks for non-ASCII and unsafe characters; a space as {@code %20},
     * and {@code *} too, which would otherwise end the path as a wildcard.
     */
    private static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}

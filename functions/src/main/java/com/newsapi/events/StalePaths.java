package com.newsapi.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
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
 *   <li>the feed pages it was or is on: {@code /articles} and {@code /articles?*}, every list page
 *       with a query. CloudFront keys a query string as sent, parameter order and case included,
 *       so no exact path names every spelling of a tag's or an author's first page
 *       ({@code ?tag=a&limit=5}, {@code ?limit=5&tag=a}...); one wildcard does, and a list page
 *       lives only 60 s anyway;</li>
 *   <li>{@code /tags} and {@code /authors} when the change can move their counts.</li>
 * </ul>
 * Nothing for a change no reader could have seen (a draft edited, before and after).
 */
public final class StalePaths {

    /**
     * CloudFront lets a distribution have 15 wildcard paths in progress at once (3,000 exact ones):
     * a batch keeps to a third of that so that the next batches can be invalidated too. One article
     * takes three, two take five.
     */
    static final int MAX_WILDCARDS = 5;
    /** Every article and every feed page, as one wildcard path. */
    static final String EVERY_ARTICLE = "/articles*";
    private static final String FEED = "/articles";
    private static final String EVERY_FEED_PAGE = "/articles?*";

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
        for (String key : new String[] {string(oldImage, "id"), string(oldImage, "slug"),
                string(newImage, "id"), string(newImage, "slug")}) {
            if (key != null) {
                paths.add(FEED + "/" + key + "*");
            }
        }
        paths.add(FEED);
        paths.add(EVERY_FEED_PAGE);
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
     * wildcards than a batch may hold, {@value #EVERY_ARTICLE} instead of every path under
     * {@code /articles} (one wildcard path, billed as one).
     */
    public static List<String> forBatch(Collection<Set<String>> changes) {
        Set<String> union = new TreeSet<>();
        changes.forEach(union::addAll);
        long wildcards = union.stream().filter(path -> path.endsWith("*")).count();
        if (wildcards <= MAX_WILDCARDS) {
            return List.copyOf(union);
        }
        List<String> collapsed = new ArrayList<>(List.of(EVERY_ARTICLE));
        union.stream().filter(path -> !path.startsWith(FEED)).forEach(collapsed::add);
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
}

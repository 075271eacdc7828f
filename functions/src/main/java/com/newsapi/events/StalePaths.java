package com.newsapi.events;

import com.newsapi.model.Article;
import com.newsapi.model.Author;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CDN paths an article change makes stale, computed from the article before and after its
 * stream record (as the store decodes the record's item images), in CloudFront's invalidation
 * path syntax (a trailing {@code *} matches any rest of the URL, query string included; anything
 * else is one exact URL).
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

    private StalePaths() {
    }

    /** The paths one stream record makes stale; empty for anything but an article a reader could have seen. */
    public static Set<String> of(Optional<Article> before, Optional<Article> after) {
        Set<String> paths = new TreeSet<>();
        boolean listedBefore = listed(before);
        boolean listedAfter = listed(after);
        if (!listedBefore && !listedAfter) {
            return paths;
        }
        for (Optional<Article> article : List.of(before, after)) {
            article.ifPresent(present -> {
                paths.add(FEED + "/" + present.id() + "*");
                paths.add(FEED + "/" + present.slug() + "*");
            });
        }
        paths.add(FEED);
        paths.add(EVERY_FEED_PAGE);
        boolean visibilityChanged = listedBefore != listedAfter;
        if (visibilityChanged || !tags(before).equals(tags(after))) {
            paths.add("/tags");
        }
        if (visibilityChanged || !Objects.equals(authorName(before), authorName(after))) {
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

    private static boolean listed(Optional<Article> article) {
        return article.isPresent() && article.get().status().isListed();
    }

    private static List<String> tags(Optional<Article> article) {
        return article.map(Article::tags).orElse(List.of());
    }

    private static String authorName(Optional<Article> article) {
        return article.map(Article::author).map(Author::name).orElse(null);
    }
}

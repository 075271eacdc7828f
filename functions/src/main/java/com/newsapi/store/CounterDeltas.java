package com.newsapi.store;

import com.newsapi.model.Article;
import com.newsapi.model.CountKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * How one write (or a group of loader writes) changes the tag and author counters: +1 for each
 * counter the new version counts in and the old one did not, -1 the other way round. Applied in the
 * same transaction as the articles, so the counters move exactly when the articles do.
 */
final class CounterDeltas {

    private final Map<Counter, Long> deltas = new TreeMap<>();
    private final Map<Counter, String> names = new HashMap<>();

    /** The change from {@code previous} (null: none) to {@code current} (null: deleted). */
    static CounterDeltas between(Article previous, Article current) {
        CounterDeltas change = new CounterDeltas();
        if (previous != null) {
            change.subtract(contribution(previous).keySet());
        }
        if (current != null) {
            change.add(contribution(current));
        }
        return change;
    }

    /** The counters a listed article counts in, each with the name to show for it; none for a draft. */
    static Map<Counter, String> contribution(Article article) {
        return contribution(article.status().isListed(), article.tags(), article.author() == null ? null : article.author().name());
    }

    static Map<Counter, String> contribution(boolean listed, List<String> tags, String authorName) {
        if (!listed) {
            return Map.of();
        }
        Map<Counter, String> counters = new HashMap<>();
        for (String tag : ArticleItemMapper.distinctTags(tags)) {
            counters.put(new Counter(CountKind.TAG, tag), tag);
        }
        if (authorName != null) {
            counters.put(new Counter(CountKind.AUTHOR, ArticleItemMapper.authorNameKey(authorName)),
                    ArticleItemMapper.authorDisplayName(authorName));
        }
        return counters;
    }

    void add(Map<Counter, String> contribution) {
        contribution.forEach((counter, name) -> {
            deltas.merge(counter, 1L, Long::sum);
            names.put(counter, name);
        });
    }

    void subtract(Collection<Counter> counted) {
        counted.forEach(counter -> deltas.merge(counter, -1L, Long::sum));
    }

    /** The counters this changes (a tag removed and added back in one edit changes none). */
    Set<Counter> changed() {
        return deltas.entrySet().stream().filter(entry -> entry.getValue() != 0).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    boolean isEmpty() {
        return changed().isEmpty();
    }

    /** The counters this lowers: after the write, those at zero are removed. */
    List<Counter> lowered() {
        return changed().stream().filter(counter -> deltas.get(counter) < 0).toList();
    }

    /** One UpdateItem per changed counter, for the transaction that writes the articles. */
    List<TransactWriteItem> writes(String table) {
        return changed().stream()
                .map(counter -> TransactWriteItem.builder()
                        .update(ArticleItemMapper.counterUpdate(table, counter, deltas.get(counter), names.get(counter)))
                        .build())
                .toList();
    }
}

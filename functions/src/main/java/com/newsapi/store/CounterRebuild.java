package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.n;
import static com.newsapi.store.ArticleItemMapper.s;
import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.model.CountKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Rebuilds the tag and author counters from the articles: for a table written before counters
 * existed, or to repair one. Reads every counter, then every listed article through the feed
 * shards over their whole key range (scheduled ones too: counters count them), and sets each
 * counter to its recount and removes those no listed article names. O(table): a maintenance path
 * run by the loader on request, never by a reader. Re-runnable: a second run on a quiet table
 * writes nothing.
 */
public final class CounterRebuild {

    /**
     * What a run did: the listed articles it counted, the counters it set (created or corrected),
     * left (already right), removed, and skipped because an editor's write moved them after they
     * were read (a run with conflicts should be repeated).
     */
    public record Result(long articles, int set, int unchanged, int removed, int conflicts) {
    }

    /** A counter as stored before the rebuild: {@code articles} null when the item has none. */
    private record Stored(Long articles, String name) {
    }

    /** The recount of one counter: how many listed articles carry it, and the name to show. */
    private record Recounted(long articles, String name, String nameFeedKey) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public CounterRebuild(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Sets every tag and author counter to a recount of the listed articles; O(table). */
    public Result run() {
        // Counters first: each write below is conditional on the counter being as read here, so an
        // editor's write that lands on a counter after this read is never overwritten (it is reported).
        Map<Counter, Stored> stored = new TreeMap<>();
        for (CountKind kind : CountKind.values()) {
            stored.putAll(storedCounters(kind));
        }
        Map<Counter, Recounted> recount = new TreeMap<>();
        long articles = recount(recount);
        int set = 0;
        int unchanged = 0;
        int removed = 0;
        int conflicts = 0;
        for (Map.Entry<Counter, Recounted> entry : recount.entrySet()) {
            Stored before = stored.get(entry.getKey());
            // An author's name stays as first written (as the per-write updates keep it); a new counter
            // takes the spelling of the earliest article in the feed.
            String name = before != null && before.name() != null ? before.name() : entry.getValue().name();
            long count = entry.getValue().articles();
            if (before != null && before.articles() != null && before.articles() == count && name.equals(before.name())) {
                unchanged++;
            } else if (setCounter(entry.getKey(), before, count, name)) {
                set++;
            } else {
                conflicts++;
            }
        }
        for (Map.Entry<Counter, Stored> entry : stored.entrySet()) {
            if (!recount.containsKey(entry.getKey())) {
                if (removeCounter(entry.getKey(), entry.getValue())) {
                    removed++;
                } else {
                    conflicts++;
                }
            }
        }
        return new Result(articles, set, unchanged, removed, conflicts);
    }

    private Map<Counter, Stored> storedCounters(CountKind kind) {
        Map<Counter, Stored> counters = new HashMap<>();
        // Every page of the partition: the SDK's paginator reads on while a page ends with a LastEvaluatedKey.
        return call(() -> {
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q.tableName(table)
                    .keyConditionExpression(TableKeys.IN_PARTITION)
                    .expressionAttributeValues(Map.of(":p", s(TableKeys.countPartition(kind))))
                    .consistentRead(true)).items()) {
                AttributeValue articles = item.get(ArticleItemMapper.ARTICLES);
                counters.put(new Counter(kind, item.get(TableKeys.SK).s()),
                        new Stored(articles == null ? null : Long.parseLong(articles.n()), ArticleItemMapper.string(item, ArticleItemMapper.NAME)));
            }
            return counters;
        });
    }

    /**
     * Counts every article in the feed index (listed articles only: the index is sparse), past and
     * scheduled, into {@code recount}, with the same normalisation as the per-write deltas.
     */
    private long recount(Map<Counter, Recounted> recount) {
        long[] articles = {0};
        FeedContributions.forEach(dynamo, table, Optional.empty(), (feedKey, contribution) -> {
            articles[0]++;
            contribution.forEach((counter, name) -> recount.merge(counter, new Recounted(1, name, feedKey), CounterRebuild::sum));
        });
        return articles[0];
    }

    private static Recounted sum(Recounted one, Recounted other) {
        Recounted earlier = one.nameFeedKey().compareTo(other.nameFeedKey()) <= 0 ? one : other;
        return new Recounted(one.articles() + other.articles(), earlier.name(), earlier.nameFeedKey());
    }

    /** SET the counter, only if it is still as read (or still absent); false if a write moved it since. */
    private boolean setCounter(Counter counter, Stored before, long articles, String name) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":n", n(articles), ":name", s(name)));
        String condition = unchangedSince(before, values);
        return conditionHolds(() -> dynamo.updateItem(u -> u.tableName(table).key(TableKeys.counterKey(counter))
                .updateExpression("SET #articles = :n, #name = :name")
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#articles", ArticleItemMapper.ARTICLES, "#name", ArticleItemMapper.NAME))
                .expressionAttributeValues(values)));
    }

    /** Deletes a counter no listed article names, only if it is still as read. */
    private boolean removeCounter(Counter counter, Stored before) {
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = unchangedSince(before, values);
        return conditionHolds(() -> dynamo.deleteItem(d -> d.tableName(table).key(TableKeys.counterKey(counter))
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#articles", ArticleItemMapper.ARTICLES))
                .expressionAttributeValues(values.isEmpty() ? null : values)));
    }

    /** The condition that a counter still holds the count read before the rebuild (adds its value to {@code values}). */
    private static String unchangedSince(Stored before, Map<String, AttributeValue> values) {
        if (before == null || before.articles() == null) {
            return "attribute_not_exists(#articles)";
        }
        values.put(":read", n(before.articles()));
        return "#articles = :read";
    }

    private static boolean conditionHolds(Runnable write) {
        try {
            call(() -> {
                write.run();
                return null;
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}

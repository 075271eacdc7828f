package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.s;
import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.model.Count;
import com.newsapi.model.CountKind;
import com.newsapi.model.CountPage;
import com.newsapi.model.FeedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages of the tag and author counters. A counter counts every listed article (published or
 * scheduled), because it changes only when an article is written; an article scheduled ahead
 * becomes visible at its instant with no write. So a page subtracts the articles not yet visible,
 * read from the future end of the feed's shards: a request reads its page of counters plus the
 * articles scheduled after {@code now}, whatever the size of the table.
 */
final class CountQueries {

    /**
     * Counters read beyond the page for those that show nothing: names only scheduled articles
     * carry (at most one per tag and author of those, added to this) and counters left at zero
     * by an interrupted clean-up.
     */
    static final int EMPTY_COUNTERS_SKIPPED = 50;

    private final DynamoDbClient dynamo;
    private final String table;

    CountQueries(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    CountPage page(CountKind kind, Optional<String> after, int limit, Instant now) {
        Map<String, Long> notYetVisible = notYetVisible(kind, now);
        int budget = limit + 1 + notYetVisible.size() + EMPTY_COUNTERS_SKIPPED;
        List<Count> counts = new ArrayList<>(limit);
        String resumeAfter = after.orElse(null);
        Map<String, AttributeValue> start = after.map(key -> TableKeys.counterKey(new Counter(kind, key))).orElse(null);
        int examined = 0;
        while (examined < budget) {
            Map<String, AttributeValue> resumeAt = start;
            // The page and one more first; past names showing nothing, the rest of the budget at once
            // (counters are small items: a round trip costs more than reading them).
            int wanted = examined == 0 ? limit + 1 : budget - examined;
            QueryResponse response = call(() -> dynamo.query(q -> q.tableName(table)
                    .keyConditionExpression(TableKeys.IN_PARTITION)
                    .expressionAttributeValues(Map.of(":p", s(TableKeys.countPartition(kind))))
                    .exclusiveStartKey(resumeAt)
                    .limit(wanted)));
            for (Map<String, AttributeValue> item : response.items()) {
                examined++;
                String key = item.get(TableKeys.SK).s();
                Count count = ArticleItemMapper.countFromItem(item, notYetVisible.getOrDefault(key, 0L));
                if (count.articles() <= 0) {
                    if (counts.size() < limit) {
                        resumeAfter = key; // nothing to show: the next page need not look at it again
                    }
                    continue;
                }
                if (counts.size() == limit) {
                    return new CountPage(counts, Optional.of(resumeAfter)); // a further name exists
                }
                counts.add(count);
                resumeAfter = key;
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new CountPage(counts, Optional.empty());
            }
            start = response.lastEvaluatedKey();
        }
        // Looked as far as a page may: the rest of the partition is the next page's.
        return new CountPage(counts, Optional.ofNullable(resumeAfter));
    }

    /**
     * How many listed articles each tag or author has that are not visible at {@code now}: those
     * whose feed position lies after it (scheduled ahead, or dated in the future).
     */
    private Map<String, Long> notYetVisible(CountKind kind, Instant now) {
        Map<String, Long> ahead = new HashMap<>();
        FeedContributions.forEach(dynamo, table, Optional.of(FeedKey.upperBound(now)), (feedKey, contribution) -> {
            for (Counter counter : contribution.keySet()) {
                if (counter.kind() == kind) {
                    ahead.merge(counter.key(), 1L, Long::sum);
                }
            }
        });
        return ahead;
    }
}

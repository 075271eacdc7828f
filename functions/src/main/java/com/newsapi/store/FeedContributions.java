package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.s;
import static com.newsapi.store.DynamoCalls.call;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the counters read of the feed index: each listed article's position and the counters it
 * contributes to (the index is sparse: only listed articles are in it), shard by shard, every page.
 * Reads only the key, the tags and the author's name.
 */
final class FeedContributions {

    private FeedContributions() {
    }

    /** Every listed article whose feed key is at or after {@code from} (all of them when empty). */
    static void forEach(DynamoDbClient dynamo, String table, Optional<String> from,
                        BiConsumer<String, Map<Counter, String>> action) {
        String condition = from.isPresent() ? "#p = :p AND #k >= :from" : "#p = :p";
        for (int shard = 0; shard < TableKeys.FEED_SHARDS; shard++) {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":p", s(TableKeys.feedShard(shard)));
            from.ifPresent(position -> values.put(":from", s(position)));
            call(() -> {
                for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q.tableName(table).indexName(TableKeys.FEED_INDEX)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(Map.of("#p", TableKeys.FEED_SHARD, "#k", TableKeys.FEED_KEY))
                        .expressionAttributeValues(values)
                        .projectionExpression("#k, " + ArticleItemMapper.CONTRIBUTION)).items()) {
                    action.accept(item.get(TableKeys.FEED_KEY).s(), ArticleItemMapper.contributionOf(item, true));
                }
                return null;
            });
        }
    }
}

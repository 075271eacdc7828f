package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.error.StoreUnavailable;
import com.newsapi.model.Article;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class SeedWritesTest {

    private static final Backoff NO_WAIT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 12, duration -> { });

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, NO_WAIT);
    private final SeedWrites seeds = new SeedWrites(dynamo, table, NO_WAIT);

    @Test
    void putAll_retriesUnprocessedItems_untilEveryItemIsWritten() {
        DropHalfOfEachBatch dropping = new DropHalfOfEachBatch(3);
        SeedWrites flaky = new SeedWrites(TestDatabase.client(dropping), table, NO_WAIT);
        List<Article> articles = IntStream.range(0, 30)
                .mapToObj(i -> Articles.published("Batch " + i, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)))
                .toList();

        flaky.putAll(articles, hashes(articles));

        assertThat(dropping.dropped.get()).isPositive();
        assertThat(articles).allSatisfy(article -> assertThat(store.findById(article.id())).contains(article));
        assertThat(seeds.storedVersions(articles.stream().map(Article::id).toList())).hasSize(30);
    }

    @Test
    void putAll_givesUp_whenItemsStayUnprocessed() {
        SeedWrites hopeless = new SeedWrites(TestDatabase.client(new DropHalfOfEachBatch(Integer.MAX_VALUE)), table,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 3, duration -> { }));
        Article article = Articles.published("Never written", Instant.parse("2025-01-01T00:00:00Z"));

        assertThatThrownBy(() -> hopeless.putAll(List.of(article), hashes(List.of(article))))
                .isInstanceOf(StoreUnavailable.class);
    }

    private static Map<String, String> hashes(List<Article> articles) {
        return articles.stream().collect(java.util.stream.Collectors.toMap(Article::id, article -> "seed:story:" + article.id()));
    }

    /**
     * Makes the local engine behave like a throttled table: the first {@code times} batches only get
     * their first half written, and the rest comes back as UnprocessedItems, as DynamoDB does (the
     * engine itself never returns UnprocessedItems, so the retry path is only reached this way).
     */
    static final class DropHalfOfEachBatch implements ExecutionInterceptor {
        private final int times;
        private final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        private final ThreadLocal<Map<String, List<WriteRequest>>> held = new ThreadLocal<>();

        DropHalfOfEachBatch(int times) {
            this.times = times;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request) || batches.getAndIncrement() >= times) {
                held.remove();
                return context.request();
            }
            var entry = request.requestItems().entrySet().iterator().next();
            List<WriteRequest> writes = entry.getValue();
            int keep = writes.size() / 2;
            held.set(Map.of(entry.getKey(), writes.subList(keep, writes.size())));
            dropped.addAndGet(writes.size() - keep);
            if (keep == 0) {
                keep = writes.size();
                held.set(Map.of(entry.getKey(), writes));
            }
            return request.toBuilder().requestItems(Map.of(entry.getKey(), writes.subList(0, keep))).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            Map<String, List<WriteRequest>> unprocessed = held.get();
            if (unprocessed == null || !(context.response() instanceof BatchWriteItemResponse response)) {
                return context.response();
            }
            held.remove();
            return response.toBuilder().unprocessedItems(unprocessed).build();
        }
    }
}

package com.newsapi.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.config.Dependencies;
import com.newsapi.handler.GetArticleHandler;
import com.newsapi.handler.ListArticlesHandler;
import com.newsapi.model.FeedKey;
import com.newsapi.store.TableKeys;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warm per-request time, in one JVM: our handlers against the raw SDK calls they make, interleaved
 * request by request so both see the same machine noise. Prints medians, p99 and the overhead.
 */
public final class WarmMain {

    private WarmMain() {
    }

    public static void main(String[] args) {
        String id = args[0];
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "2000");
        String table = System.getProperty("TABLE_NAME");
        DynamoDbClient raw = DynamoDbClient.builder().endpointOverride(URI.create(System.getProperty("DYNAMODB_ENDPOINT")))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        // The list handler signs its cursors: its constructor reads the key, as on Lambda.
        Dependencies dependencies = BenchDependencies.fromSystemProperties();
        GetArticleHandler get = new GetArticleHandler(dependencies);
        ListArticlesHandler list = new ListArticlesHandler(dependencies);
        APIGatewayV2HTTPEvent getEvent = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/articles/" + id)
                .withPathParameters(Map.of("id", id)).build();
        APIGatewayV2HTTPEvent listEvent = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/articles")
                .withQueryStringParameters(Map.of("limit", "20")).build();
        Map<String, AttributeValue> key = TableKeys.articleKey(id);

        Supplier<Object> handlerGet = () -> get.handleRequest(getEvent, null);
        Supplier<Object> rawGet = () -> raw.getItem(g -> g.tableName(table).key(key).consistentRead(true));
        Supplier<Object> handlerList = () -> list.handleRequest(listEvent, null);
        // The same four shard queries the feed makes, request for request (newest first, limit + 1,
        // keys between the oldest and now as FeedKey bounds them, at once on virtual threads), without our merge, mapping or JSON.
        Supplier<Object> rawList = () -> {
            String now = FeedKey.upperBound(Instant.now());
            List<Future<?>> answers = new ArrayList<>();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int shard = 0; shard < TableKeys.FEED_SHARDS; shard++) {
                    var values = Map.of(":p", AttributeValue.fromS(TableKeys.feedShard(shard)), ":lo", AttributeValue.fromS(FeedKey.MIN),
                            ":hi", AttributeValue.fromS(now));
                    answers.add(threads.submit(() -> raw.query(q -> q.tableName(table).indexName(TableKeys.FEED_INDEX)
                            .keyConditionExpression("#p = :p AND #s BETWEEN :lo AND :hi")
                            .expressionAttributeNames(Map.of("#p", TableKeys.FEED_SHARD, "#s", TableKeys.FEED_KEY))
                            .expressionAttributeValues(values).scanIndexForward(false).limit(21))));
                }
            }
            for (Future<?> answer : answers) {
                try {
                    answer.get(); // a failed query must not pass for a fast one
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException("raw query failed", e);
                }
            }
            return null;
        };
        for (int i = 0; i < rounds / 4; i++) {
            handlerGet.get();
            rawGet.get();
            handlerList.get();
            rawList.get();
        }
        long[][] samples = new long[4][rounds];
        // Which of a pair goes first alternates: the call right after the other pair's four
        // parallel queries runs slower (the engine is still finishing them on our two cores),
        // and a fixed order would charge that to one side.
        for (int i = 0; i < rounds; i++) {
            boolean oursFirst = i % 2 == 0;
            timePair(samples, 0, 1, i, handlerGet, rawGet, oursFirst);
            timePair(samples, 2, 3, i, handlerList, rawList, oursFirst);
        }
        row("GET /articles/{id}", samples[0], samples[1]);
        row("GET /articles?limit=20", samples[2], samples[3]);
    }

    private static void timePair(long[][] samples, int oursRow, int rawRow, int round, Supplier<Object> ours,
                                 Supplier<Object> raw, boolean oursFirst) {
        if (oursFirst) {
            samples[oursRow][round] = time(ours);
            samples[rawRow][round] = time(raw);
        } else {
            samples[rawRow][round] = time(raw);
            samples[oursRow][round] = time(ours);
        }
    }

    private static long time(Supplier<Object> call) {
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    private static void row(String name, long[] ours, long[] raw) {
        Arrays.sort(ours);
        Arrays.sort(raw);
        double oursMedian = ours[ours.length / 2] / 1e6;
        double rawMedian = raw[raw.length / 2] / 1e6;
        System.out.printf("| %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %+.1f%% |%n", name, oursMedian,
                ours[(int) (ours.length * 0.99)] / 1e6, rawMedian, raw[(int) (raw.length * 0.99)] / 1e6,
                (oursMedian / rawMedian - 1) * 100);
    }
}

package com.newsapi.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.handler.GetArticleHandler;
import com.newsapi.handler.ListArticlesHandler;
import com.newsapi.handler.SyncHandler;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * What gzip buys and costs, per endpoint, in one JVM against the seeded local table: body bytes
 * plain and gzipped, and the handler's median time without and with {@code Accept-Encoding: gzip},
 * interleaved request by request so both see the same machine noise.
 */
public final class CompressionMain {

    private CompressionMain() {
    }

    public static void main(String[] args) {
        String id = args[0];
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "1000");
        Dependencies dependencies = BenchDependencies.fromSystemProperties();
        System.out.println("| endpoint | plain bytes | gzip bytes | saved | handler median plain (µs) | with gzip (µs) | CPU cost |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        measure("GET /articles?limit=20", new ListArticlesHandler(dependencies), event("/articles", Map.of("limit", "20"), Map.of()), rounds);
        measure("GET /articles?limit=100&fields=…,body", new ListArticlesHandler(dependencies),
                event("/articles", Map.of("limit", "100", "fields", "id,title,summary,body"), Map.of()), rounds);
        measure("GET /articles/{id}", new GetArticleHandler(dependencies), event("/articles/" + id, Map.of(), Map.of("id", id)), rounds);
        measure("GET /sync (first page)", new SyncHandler(dependencies), event("/sync", Map.of(), Map.of()), rounds);
    }

    private static void measure(String name, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                APIGatewayV2HTTPEvent plainEvent, int rounds) {
        APIGatewayV2HTTPEvent gzipEvent = withGzip(plainEvent);
        APIGatewayV2HTTPResponse plain = handler.handleRequest(plainEvent, null);
        APIGatewayV2HTTPResponse gzipped = handler.handleRequest(gzipEvent, null);
        if (plain.getStatusCode() != 200 || !gzipped.getIsBase64Encoded()) {
            throw new IllegalStateException(name + ": expected a 200 answered in gzip, got " + gzipped.getStatusCode());
        }
        int plainBytes = plain.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int gzipBytes = Base64.getDecoder().decode(gzipped.getBody()).length;
        for (int i = 0; i < rounds / 5; i++) { // warm-up
            handler.handleRequest(plainEvent, null);
            handler.handleRequest(gzipEvent, null);
        }
        long[] plainNanos = new long[rounds];
        long[] gzipNanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            handler.handleRequest(plainEvent, null);
            plainNanos[i] = System.nanoTime() - start;
            start = System.nanoTime();
            handler.handleRequest(gzipEvent, null);
            gzipNanos[i] = System.nanoTime() - start;
        }
        long plainMedian = median(plainNanos) / 1000;
        long gzipMedian = median(gzipNanos) / 1000;
        System.out.printf("| %s | %d | %d | %.0f%% | %d | %d | +%d µs (%.2f×) |%n", name, plainBytes, gzipBytes,
                100.0 * (plainBytes - gzipBytes) / plainBytes, plainMedian, gzipMedian, gzipMedian - plainMedian,
                (double) gzipMedian / plainMedian);
    }

    private static APIGatewayV2HTTPEvent event(String path, Map<String, String> query, Map<String, String> pathParameters) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path)
                .withQueryStringParameters(query).withPathParameters(pathParameters).withHeaders(Map.of()).build();
    }

    private static APIGatewayV2HTTPEvent withGzip(APIGatewayV2HTTPEvent event) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(event.getRawPath())
                .withQueryStringParameters(event.getQueryStringParameters()).withPathParameters(event.getPathParameters())
                .withHeaders(Map.of("accept-encoding", "gzip")).build();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

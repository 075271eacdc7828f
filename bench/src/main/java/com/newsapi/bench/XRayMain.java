package com.newsapi.bench;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.LogErrorContextMissingStrategy;
import com.newsapi.config.Config;
import com.newsapi.config.CredentialsProviders;
import com.newsapi.config.DynamoClients;
import com.newsapi.store.TableKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the X-Ray SDK for Java's AWS SDK v2 instrumentation ({@code TracingInterceptor}) costs a function:
 * a fresh JVM builds the DynamoDB client the way the functions do ({@link DynamoClients#create}), or the
 * same client with the interceptor added, does one GetItem and prints the time it got the answer; then,
 * warm, N more GetItems and their median.
 *
 * <p>Outside Lambda there is no facade segment, so {@code xray} configures the global recorder (context
 * missing: LOG_ERROR) and begins a segment by hand around each call, as Lambda's facade would stand
 * around a request; the segment's begin and end (which emits it) are inside the timed span. The emitter
 * is the SDK's default (UDP to 127.0.0.1:2000, where the daemon listens on Lambda; nothing needs to
 * listen here), or a no-op one with {@code -DEMITTER=noop}.
 *
 * <p>{@code args}: {@code plain | xray}, the article id, the number of warm calls (default 200).
 * Properties: {@code TABLE_NAME}, {@code DYNAMODB_ENDPOINT}. Prints {@code answered-at-ms} (wall clock,
 * for the caller's time from JVM launch), {@code first-call-ms} (client built and first answer, in
 * process) and {@code warm-median-us}.
 */
public final class XRayMain {

    private XRayMain() {
    }

    public static void main(String[] args) {
        boolean xray = switch (args[0]) {
            case "plain" -> false;
            case "xray" -> true;
            default -> throw new IllegalArgumentException("mode: plain | xray, not " + args[0]);
        };
        String id = args[1];
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        long begin = System.nanoTime();
        Config config = new Config(System.getProperty("TABLE_NAME"),
                Optional.of(URI.create(System.getProperty("DYNAMODB_ENDPOINT"))), "us-east-1");
        DynamoDbClient dynamo;
        if (xray) {
            AWSXRayRecorderBuilder recorder = AWSXRayRecorderBuilder.standard()
                    .withContextMissingStrategy(new LogErrorContextMissingStrategy());
            if ("noop".equals(System.getProperty("EMITTER"))) {
                recorder.withEmitter(new NoopEmitter());
            }
            AWSXRay.setGlobalRecorder(recorder.build());
            dynamo = tracedClient(config);
        } else {
            dynamo = DynamoClients.create(config);
        }
        String title = get(dynamo, config, id, xray);
        long answered = System.currentTimeMillis();
        long firstNanos = System.nanoTime() - begin;
        System.out.println(title);
        System.out.println("answered-at-ms " + answered);
        System.out.printf("first-call-ms %.1f%n", firstNanos / 1e6);
        long[] micros = new long[warm];
        for (int i = 0; i < warm; i++) {
            long start = System.nanoTime();
            get(dynamo, config, id, xray);
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        if (warm > 0) {
            Arrays.sort(micros);
            System.out.println("warm-median-us " + micros[warm / 2]);
        }
    }

    /** {@link DynamoClients#create} with the tracing interceptor added: same HTTP client, retries and time limits. */
    private static DynamoDbClient tracedClient(Config config) {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .region(Region.of(config.region()))
                .credentialsProvider(CredentialsProviders.create(config))
                .overrideConfiguration(DynamoClients.overrides().addExecutionInterceptor(new TracingInterceptor()).build());
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static String get(DynamoDbClient dynamo, Config config, String id, boolean xray) {
        if (xray) {
            AWSXRay.beginSegment("news-api-bench");
        }
        try {
            Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(config.tableName())
                    .key(TableKeys.articleKey(id))).item();
            return item.get("title").s();
        } finally {
            if (xray) {
                AWSXRay.endSegment();
            }
        }
    }

    /** Drops every segment: the recorder's and the interceptor's work without the UDP send. */
    private static final class NoopEmitter extends Emitter {
        @Override
        public boolean sendSegment(Segment segment) {
            return true;
        }

        @Override
        public boolean sendSubsegment(Subsegment subsegment) {
            return true;
        }
    }
}

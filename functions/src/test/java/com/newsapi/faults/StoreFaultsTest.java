package com.newsapi.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.Handlers;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Failures of DynamoDB itself, injected into a real conversation with the local engine: throttling that
 * outlasts the SDK's retries, and a connection lost in the middle of a write. The client gets a
 * 503 with Retry-After, and nothing is left half written.
 */
class StoreFaultsTest {

    /** The handlers' clock: it stands still, so no rule here depends on when the test runs. */
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private static final String STORY = "{\"title\": \"Storm\", \"status\": \"published\", \"tags\": [\"weather\"],"
            + " \"body\": [{\"type\": \"paragraph\", \"text\": \"Thunder over the bay.\"}]}";

    private final Fault fault = new Fault();
    private final DynamoDbClient healthy = TestDatabase.client();
    private final String table = TestDatabase.newTable(healthy);
    private final DynamoDbClient faulty = TestDatabase.client(fault);
    private final ArticleStore store = new ArticleStore(faulty, table, Backoff.standard());
    private final ArticleStore truth = new ArticleStore(healthy, table, Backoff.standard());
    private final List<com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers =
            Handlers.every(store, new TestClock(NOW));

    static Stream<Supplier<RuntimeException>> dynamoFailures() {
        return Stream.of(
                () -> ProvisionedThroughputExceededException.builder().message("slow down").statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                                .errorMessage("slow down").serviceName("DynamoDb").build()).build(),
                () -> InternalServerErrorException.builder().message("slow down").statusCode(500)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError")
                                .errorMessage("slow down").serviceName("DynamoDb").build()).build());
    }

    @ParameterizedTest
    @MethodSource("dynamoFailures")
    void throttlingOrServerErrors_thatOutlastTheSdkRetries_areA503WithRetryAfter(Supplier<RuntimeException> failure) {
        fault.failWhen(request -> true, failure);

        APIGatewayV2HTTPResponse list = handlers.get(1).handleRequest(Handlers.event("x", Map.of(), Map.of(), null, false, false), null);
        APIGatewayV2HTTPResponse get = handlers.get(0).handleRequest(Handlers.event("some-story", Map.of(), Map.of(), null, false, false), null);

        for (APIGatewayV2HTTPResponse response : List.of(list, get)) {
            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(response.getHeaders()).containsEntry("Retry-After", "2").containsEntry("Content-Type", "application/problem+json");
            assertThat(json(response).get("detail").asText()).doesNotContain("slow down");
        }
        assertThat(fault.failures.get()).as("the SDK retried before giving up").isGreaterThan(2);
    }

    @Test
    void aConnectionLostMidWrite_isA503_andLeavesNoHalfWrittenArticle() {
        fault.failWhen(request -> request instanceof TransactWriteItemsRequest,
                () -> SdkClientException.create("connection reset by peer"));

        APIGatewayV2HTTPResponse created = handlers.get(5).handleRequest(editorEvent(STORY), null);

        assertThat(created.getStatusCode()).isEqualTo(503);
        fault.heal();
        assertThat(json(handlers.get(1).handleRequest(Handlers.event("x", Map.of(), Map.of(), null, false, false), null))
                .get("items")).isEmpty();
        assertThat(json(handlers.get(1).handleRequest(Handlers.event("x", Map.of("q", "thunder"), Map.of(), null, false, false), null))
                .get("items")).isEmpty();
        assertThat(json(handlers.get(2).handleRequest(Handlers.event("x", Map.of(), Map.of(), null, false, false), null))
                .get("items")).isEmpty();
        assertThat(truth.slugOwners(List.of("storm"))).isEmpty();

        APIGatewayV2HTTPResponse retried = handlers.get(5).handleRequest(editorEvent(STORY), null);

        assertThat(retried.getStatusCode()).isEqualTo(201);
        assertThat(json(handlers.get(1).handleRequest(Handlers.event("x", Map.of("q", "thunder"), Map.of(), null, false, false), null))
                .get("items")).hasSize(1);
    }

    private static APIGatewayV2HTTPEvent editorEvent(String body) {
        APIGatewayV2HTTPEvent event = Handlers.event("x", Map.of(), new HashMap<>(Map.of("content-type", "application/json")), body, false, true);
        event.setPathParameters(null);
        return event;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    /** Fails the requests it is told to, before they leave the client, as a broken network or a throttled table would. */
    static final class Fault implements ExecutionInterceptor {
        private volatile Predicate<SdkRequest> when = request -> false;
        private volatile java.util.function.Supplier<RuntimeException> failure;
        private final AtomicBoolean healed = new AtomicBoolean();
        final AtomicInteger failures = new AtomicInteger();

        void failWhen(Predicate<SdkRequest> when, java.util.function.Supplier<RuntimeException> failure) {
            this.when = when;
            this.failure = failure;
        }

        void heal() {
            healed.set(true);
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (!healed.get() && when.test(context.request())) {
                failures.incrementAndGet();
                throw failure.get();
            }
        }
    }
}

package com.newsapi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.newsapi.config.CloudFrontClients;
import com.newsapi.config.Config;
import com.newsapi.handler.PublishChangesHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * The change publisher fed a real DynamoDB stream event (events/article-changes.json): a draft
 * created, published, retitled, unpublished and deleted. With a CDN, against a stand-in CloudFront
 * on loopback that the SDK's client (built as the function builds it) calls.
 */
class PublishChangesTest {

    private final DynamodbEvent stream = EventLoader.loadDynamoDbEvent("../events/article-changes.json");

    @Test
    void publishesOneEventPerArticleChange_andNothingForIndexItemsOrNewDrafts() {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);

        StreamsEventResponse response = new PublishChangesHandler(sink).handleRequest(stream, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sink.sent).extracting(ChangeEvent::type).containsExactly(
                ChangeEvent.PUBLISHED, ChangeEvent.UPDATED, ChangeEvent.UNPUBLISHED, ChangeEvent.DELETED);
        assertThat(sink.sent.get(0).changedFields()).containsExactly("status", "publishedAt");
        assertThat(sink.sent.get(1).changedFields()).containsExactly("title");
        assertThat(sink.sent.get(1).version()).isEqualTo(3);
        assertThat(sink.sent).allSatisfy(event -> {
            assertThat(event.id()).isEqualTo("3f2a9c0d4b1e7a65");
            assertThat(event.slug()).isEqualTo("rivers-rise");
        });
    }

    @Test
    void aPartlyDeliveredBatch_reportsTheFirstUndeliveredRecord_soLambdaRetriesFromThere() {
        RecordingSink sink = new RecordingSink(2);

        StreamsEventResponse response = new PublishChangesHandler(sink).handleRequest(stream, null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(stream.getRecords().get(5).getDynamodb().getSequenceNumber());
    }

    @Test
    void theEventDetail_isTheDocumentedJson() {
        ChangeEvent event = new ChangeEvent(ChangeEvent.UPDATED, "3f2a9c0d4b1e7a65", "rivers-rise", 3, List.of("title"));

        assertThat(EventBridgeSink.detail(event))
                .isEqualTo("{\"id\":\"3f2a9c0d4b1e7a65\",\"slug\":\"rivers-rise\",\"version\":3,\"changedFields\":[\"title\"]}");
    }

    @Test
    void withACdn_oneInvalidationPerBatch_namesWhatTheDeliveredChangesMadeStale() throws IOException {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);
        try (StandInCloudFront cloudFront = new StandInCloudFront(201, INVALIDATION_CREATED)) {
            StreamsEventResponse response = new PublishChangesHandler(sink, Optional.of(cloudFront.invalidator())).handleRequest(stream, null);

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(sink.sent).hasSize(4);
            assertThat(cloudFront.requests).hasSize(1);
            StandInCloudFront.Request request = cloudFront.requests.getFirst();
            assertThat(request.path()).endsWith("/distribution/E2EXAMPLE/invalidation");
            assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/cloudfront/aws4_request");
            assertThat(request.paths()).containsExactly(
                    "/articles", "/articles/3f2a9c0d4b1e7a65*", "/articles/rivers-rise*", "/articles?*", "/authors", "/tags");
            assertThat(request.body()).contains("<CallerReference>changes-4421584500000000017450439004-4421584500000000017450439007</CallerReference>");
        }
    }

    @Test
    void withACdn_aPartlyDeliveredBatch_invalidatesOnlyForTheDeliveredChanges() throws IOException {
        RecordingSink sink = new RecordingSink(2);
        try (StandInCloudFront cloudFront = new StandInCloudFront(201, INVALIDATION_CREATED)) {
            new PublishChangesHandler(sink, Optional.of(cloudFront.invalidator())).handleRequest(stream, null);

            assertThat(cloudFront.requests).singleElement().satisfies(request ->
                    assertThat(request.body()).contains("<CallerReference>changes-4421584500000000017450439004-4421584500000000017450439005</CallerReference>"));
        }
    }

    @Test
    void withACdn_aRefusedInvalidation_losesNoEvent_andRetriesNothing() throws IOException {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);
        try (StandInCloudFront cloudFront = new StandInCloudFront(400, TOO_MANY_INVALIDATIONS)) {
            StreamsEventResponse response = new PublishChangesHandler(sink, Optional.of(cloudFront.invalidator())).handleRequest(stream, null);

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(sink.sent).extracting(ChangeEvent::type).containsExactly(
                    ChangeEvent.PUBLISHED, ChangeEvent.UPDATED, ChangeEvent.UNPUBLISHED, ChangeEvent.DELETED);
            assertThat(cloudFront.requests).hasSize(1); // a 400 is not retried by the SDK
        }
    }

    private static final String INVALIDATION_CREATED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I2J0I21PCUYOIK</Id>\
            <Status>InProgress</Status><CreateTime>2026-11-23T10:02:00Z</CreateTime></Invalidation>""";
    private static final String TOO_MANY_INVALIDATIONS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type>\
            <Code>TooManyInvalidationsInProgress</Code><Message>Processing your request will cause you to exceed the maximum\
             number of in-progress wildcard invalidations.</Message></Error><RequestId>r-1</RequestId></ErrorResponse>""";

    /** CloudFront's CreateInvalidation on loopback, answering every request the same way. */
    private static final class StandInCloudFront implements AutoCloseable {
        record Request(String path, String authorization, String body) {
            List<String> paths() {
                List<String> paths = new ArrayList<>();
                Matcher path = Pattern.compile("<Path>([^<]*)</Path>").matcher(body);
                while (path.find()) {
                    paths.add(path.group(1).replace("&amp;", "&"));
                }
                return paths;
            }
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final CloudFrontClient client;

        StandInCloudFront(int status, String answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            client = CloudFrontClients.create(Config.from(Map.of(Config.AWS_REGION, "eu-west-1",
                            Config.CLOUDFRONT_ENDPOINT, "http://127.0.0.1:" + server.getAddress().getPort())),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
        }

        CloudFrontInvalidator invalidator() {
            return new CloudFrontInvalidator(client, "E2EXAMPLE");
        }

        @Override
        public void close() {
            client.close();
            server.stop(0);
        }
    }

    /** Delivers the first {@code capacity} events, then refuses, as a throttled bus would. */
    private static final class RecordingSink implements EventSink {
        private final int capacity;
        final List<ChangeEvent> sent = new ArrayList<>();

        RecordingSink(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public int send(List<ChangeEvent> events) {
            int delivered = Math.min(capacity, events.size());
            sent.addAll(events.subList(0, delivered));
            return delivered;
        }
    }
}

package com.newsapi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.newsapi.handler.PublishChangesHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change publisher fed a real DynamoDB stream event (events/article-changes.json). */
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

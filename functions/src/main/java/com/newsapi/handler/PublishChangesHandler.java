package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.newsapi.config.Config;
import com.newsapi.config.CredentialsProviders;
import com.newsapi.config.EventBridgeClients;
import com.newsapi.events.ChangeClassifier;
import com.newsapi.events.ChangeEvent;
import com.newsapi.events.EventBridgeSink;
import com.newsapi.events.EventSink;
import com.newsapi.observe.Emf;
import com.newsapi.observe.Telemetry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ChangePublisherFunction: reads the table's DynamoDB stream and puts one event per article change
 * on the event bus. A batch that cannot be delivered whole reports the first undelivered record,
 * so Lambda retries from there (in order) and, after its retries, writes the batch to the failure bucket.
 */
public final class PublishChangesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final EventSink sink;

    public PublishChangesHandler() {
        this(defaultSink());
    }

    public PublishChangesHandler(EventSink sink) {
        this.sink = sink;
    }

    /** The bus of {@code EVENT_BUS_NAME}, through the SDK's client (regional endpoint unless {@code EVENTBRIDGE_ENDPOINT}). */
    private static EventSink defaultSink() {
        Config config = Config.load();
        String busName = Config.required(Config.EVENT_BUS_NAME);
        return new EventBridgeSink(EventBridgeClients.create(config, CredentialsProviders.create(config)), busName);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<ChangeEvent> changes = new ArrayList<>();
        List<String> sequenceNumbers = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var data = record.getDynamodb();
            Optional<ChangeEvent> change = ChangeClassifier.classify(record.getEventName(), data.getOldImage(), data.getNewImage());
            if (change.isPresent()) {
                changes.add(change.get());
                sequenceNumbers.add(data.getSequenceNumber());
            }
        }
        int delivered = changes.isEmpty() ? 0 : sink.send(changes);
        Telemetry telemetry = Telemetry.current();
        telemetry.metrics(Map.of("Function", "ChangePublisher"), false, List.of(
                Emf.Metric.count("EventsPublished", delivered),
                Emf.Metric.count("EventsFailed", changes.size() - delivered)), Map.of());
        if (delivered < changes.size()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("sequenceNumber", sequenceNumbers.get(delivered));
            failure.put("delivered", delivered);
            failure.put("undelivered", changes.size() - delivered);
            failure.put("requestId", context == null ? null : context.getAwsRequestId());
            telemetry.error("change delivery failed; the batch is retried from this record", failure, null);
            return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumbers.get(delivered))));
        }
        if (!changes.isEmpty()) {
            telemetry.info("changes published", Map.of("published", delivered, "records", event.getRecords().size()));
        }
        return new StreamsEventResponse(List.of());
    }
}

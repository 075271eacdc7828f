package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.newsapi.config.Config;
import com.newsapi.config.CredentialsProviders;
import com.newsapi.events.ChangeClassifier;
import com.newsapi.events.ChangeEvent;
import com.newsapi.events.EventBridgeSink;
import com.newsapi.events.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

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

    private static EventSink defaultSink() {
        Config config = Config.load();
        return new EventBridgeSink(UrlConnectionHttpClient.create(), CredentialsProviders.create(config),
                config.eventBridgeEndpoint().orElseGet(() -> EventBridgeSink.regionalEndpoint(config.region())),
                config.region(), Config.required(Config.EVENT_BUS_NAME));
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
        if (delivered < changes.size()) {
            return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumbers.get(delivered))));
        }
        return new StreamsEventResponse(List.of());
    }
}

package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.events.CdnInvalidator;
import com.newsapi.events.ChangeClassifier;
import com.newsapi.events.ChangeEvent;
import com.newsapi.events.EventSink;
import com.newsapi.events.StalePaths;
import com.newsapi.model.Article;
import com.newsapi.observe.Emf;
import com.newsapi.observe.Telemetry;
import com.newsapi.store.StreamImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ChangePublisherFunction: reads the table's DynamoDB stream and puts one event per article change
 * on the event bus. A batch that cannot be delivered whole reports the first undelivered record,
 * so Lambda retries from there (in order) and, after its retries, writes the batch to the failure bucket.
 * Then, where the stack has a CDN, one invalidation per batch removes the cached answers the
 * delivered changes made stale ({@link StalePaths}); its failure is logged and changes nothing else.
 */
public final class PublishChangesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final EventSink sink;
    private final Optional<CdnInvalidator> cdn;

    public PublishChangesHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The bus of {@code EVENT_BUS_NAME} and, when {@code CDN_DISTRIBUTION_ID} is set, that distribution. */
    public PublishChangesHandler(Dependencies dependencies) {
        this(dependencies.eventSink(), dependencies.cdn());
    }

    /** Without a CDN (the local API). */
    public PublishChangesHandler(EventSink sink) {
        this(sink, Optional.empty());
    }

    public PublishChangesHandler(EventSink sink, Optional<? extends CdnInvalidator> cdn) {
        this.sink = sink;
        this.cdn = cdn.map(CdnInvalidator.class::cast);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<ChangeEvent> changes = new ArrayList<>();
        List<String> sequenceNumbers = new ArrayList<>();
        List<Set<String>> stalePaths = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var data = record.getDynamodb();
            Optional<Article> before = StreamImages.article(data.getOldImage());
            Optional<Article> after = StreamImages.article(data.getNewImage());
            Optional<ChangeEvent> change = ChangeClassifier.classify(record.getEventName(), before, after);
            if (change.isPresent()) {
                changes.add(change.get());
                sequenceNumbers.add(data.getSequenceNumber());
                stalePaths.add(StalePaths.of(before, after));
            }
        }
        int delivered = changes.isEmpty() ? 0 : sink.send(changes);
        // Only the delivered changes: the others come back in the retried batch, and are invalidated then.
        List<String> paths = cdn.isEmpty() ? List.of() : StalePaths.forBatch(stalePaths.subList(0, delivered));
        boolean invalidated = paths.isEmpty()
                || cdn.get().invalidate(paths, "changes-" + sequenceNumbers.getFirst() + "-" + sequenceNumbers.get(delivered - 1));
        Telemetry telemetry = Telemetry.current();
        List<Emf.Metric> metrics = new ArrayList<>(List.of(
                Emf.Metric.count("EventsPublished", delivered),
                Emf.Metric.count("EventsFailed", changes.size() - delivered)));
        if (cdn.isPresent()) {
            metrics.add(Emf.Metric.count("CdnPathsInvalidated", invalidated ? paths.size() : 0));
            metrics.add(Emf.Metric.count("CdnInvalidationsFailed", invalidated ? 0 : 1));
        }
        telemetry.metrics(Map.of("Function", "ChangePublisher"), false, metrics, Map.of());
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
            telemetry.info("changes published", Map.of("published", delivered, "records", event.getRecords().size(),
                    "cdnPaths", invalidated ? paths.size() : 0));
        }
        return new StreamsEventResponse(List.of());
    }
}

package com.newsapi.events;

import com.newsapi.observe.Telemetry;
import com.newsapi.codec.Json;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts change events on an EventBridge bus with the SDK's {@link EventBridgeClient} (PutEvents),
 * ten entries a call (the API's limit), in order, stopping at the first entry that is not delivered.
 *
 * <p>Two kinds of failure, both ending the send there:
 * <ul>
 *   <li>a whole call fails (throttled, a 5xx, no connection): the client retries it as its
 *       retry strategy says ({@link com.newsapi.config.EventBridgeClients}); if it still fails,
 *       nothing of that call counts as delivered;</li>
 *   <li>single entries fail (the answer's {@code FailedEntryCount}, an entry with an
 *       {@code ErrorCode}): the SDK does not retry those; the entries before the first failed one
 *       count as delivered.</li>
 * </ul>
 * The caller reports the first undelivered change, so Lambda retries from there, in order.
 * Delivery is at least once: a retried call or batch may put an event twice.
 */
public final class EventBridgeSink implements EventSink {

    static final String SOURCE = "news-api.articles";
    private static final int ENTRIES_PER_CALL = 10;

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeSink(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public int send(List<ChangeEvent> changes) {
        int delivered = 0;
        for (int from = 0; from < changes.size(); from += ENTRIES_PER_CALL) {
            List<ChangeEvent> batch = changes.subList(from, Math.min(changes.size(), from + ENTRIES_PER_CALL));
            int put = putEvents(batch);
            delivered += put;
            if (put < batch.size()) {
                return delivered;
            }
        }
        return delivered;
    }

    /** One PutEvents call (with the client's retries); how many leading entries of it were put. */
    private int putEvents(List<ChangeEvent> batch) {
        List<PutEventsResultEntry> results;
        try {
            results = events.putEvents(put -> put.entries(batch.stream().map(this::entry).toList())).entries();
        } catch (SdkException failedAfterRetries) {
            // The handler logs which record is retried; this line says why the call failed.
            Telemetry.current().error("PutEvents failed after the client's retries", Map.of("entries", batch.size()), failedAfterRetries);
            return 0;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (i >= results.size() || !put(results.get(i))) {
                return i;
            }
        }
        return batch.size();
    }

    /** Read defensively: only an entry with an event id and no error code counts as put. */
    private static boolean put(PutEventsResultEntry result) {
        return result.eventId() != null && !result.eventId().isEmpty() && result.errorCode() == null;
    }

    private PutEventsRequestEntry entry(ChangeEvent change) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(SOURCE)
                .detailType(change.type())
                .detail(detail(change))
                .build();
    }

    /** The event detail: {@code {"id", "slug", "version", "changedFields"}}. */
    public static String detail(ChangeEvent change) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("id", change.id());
            json.writeStringField("slug", change.slug());
            json.writeNumberField("version", change.version());
            json.writeArrayFieldStart("changedFields");
            for (String field : change.changedFields()) {
                json.writeString(field);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}

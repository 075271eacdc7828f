package com.newsapi.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping, in-process: one daemon thread reads a table's stream and
 * hands the records, in order and in batches, to a stream handler. {@link #start} once,
 * {@link #close()} to stop. Nothing escapes the thread: a failed poll is logged and tried again.
 */
public final class StreamPump implements AutoCloseable {

    /** As the ChangePublisherFunction's event in template.yaml: BatchSize 100, MaximumRetryAttempts 5. */
    static final int BATCH_SIZE = 100;
    static final int MAX_RETRIES = 5;
    private static final long IDLE_MILLIS = 200;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    /** By shard id, in DescribeStream's order; only the pump thread touches it once started. */
    private final Map<String, ShardReader> shards = new LinkedHashMap<>();
    private final Thread thread = Thread.ofPlatform().daemon().name("stream-pump").unstarted(this::run);
    private volatile boolean running = true;
    private String lastError;

    /** Where one shard is being read. {@code done}: a closed shard read to its end, or history at start. */
    private static final class ShardReader {
        final String parentId;
        ShardIteratorType startAt;
        String iterator;
        String lastSequence;
        boolean done;

        ShardReader(String parentId, ShardIteratorType startAt) {
            this.parentId = parentId;
            this.startAt = startAt;
        }
    }

    private StreamPump(DynamoDbStreamsClient streams, String streamArn, RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.handler = handler;
    }

    /**
     * Starts reading {@code table}'s stream. Shards open now are read from LATEST, with positions
     * taken before this returns: every later write is seen, nothing earlier (the seed load) is
     * replayed. Shards that open later (DynamoDB rolls them every few hours) are read from the start.
     */
    public static StreamPump start(LocalDatabase dynamo, String table, RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        String arn;
        try (var client = dynamo.client()) {
            arn = client.describeTable(request -> request.tableName(table)).table().latestStreamArn();
        }
        if (arn == null) {
            throw new IllegalStateException("table " + table + " has no stream (StreamSpecification in template.yaml)");
        }
        StreamPump pump = new StreamPump(dynamo.streamsClient(), arn, handler);
        try {
            pump.discover(ShardIteratorType.LATEST);
            pump.shards.forEach((id, shard) -> shard.iterator = shard.done ? null : pump.iterator(id, shard));
        } catch (RuntimeException e) {
            pump.streams.close();
            throw e;
        }
        pump.thread.start();
        return pump;
    }

    private void run() {
        while (running) {
            boolean busy = false;
            try {
                for (var entry : shards.entrySet()) {
                    if (readable(entry.getValue())) {
                        busy |= poll(entry.getKey(), entry.getValue());
                    }
                }
                if (!busy) {
                    discover(ShardIteratorType.TRIM_HORIZON);
                }
                lastError = null;
            } catch (RuntimeException e) {
                log("stream pump: poll failed, trying again: " + e);
            }
            if (!busy) {
                pause();
            }
        }
    }

    /** A child shard waits until its parent is read to the end, so one item's changes stay in order. */
    private boolean readable(ShardReader shard) {
        ShardReader parent = shard.parentId == null ? null : shards.get(shard.parentId);
        return !shard.done && (parent == null || parent.done);
    }

    /**
     * Adds the shards not seen before. A shard counts as closed only when another shard names it as
     * its parent (AWS's rule): an EndingSequenceNumber alone does not close it, since some engines
     * (Dynoxide) report one on the open shard too.
     */
    private void discover(ShardIteratorType startAt) {
        List<Shard> found = new ArrayList<>();
        String after = null;
        do {
            String exclusiveStart = after;
            StreamDescription stream = streams.describeStream(request -> request.streamArn(streamArn)
                    .exclusiveStartShardId(exclusiveStart)).streamDescription();
            found.addAll(stream.shards());
            after = stream.lastEvaluatedShardId();
        } while (after != null);
        Set<String> parents = found.stream().map(Shard::parentShardId).filter(Objects::nonNull).collect(Collectors.toSet());
        for (Shard shard : found) {
            shards.computeIfAbsent(shard.shardId(), id -> {
                ShardReader reader = new ShardReader(shard.parentShardId(), startAt);
                reader.done = startAt == ShardIteratorType.LATEST && parents.contains(id);
                return reader;
            });
        }
    }

    /** Reads and delivers one batch of a shard; true when it had records. */
    private boolean poll(String shardId, ShardReader shard) {
        GetRecordsResponse page;
        try {
            if (shard.iterator == null) {
                shard.iterator = iterator(shardId, shard);
            }
            String iterator = shard.iterator;
            page = streams.getRecords(request -> request.shardIterator(iterator).limit(BATCH_SIZE));
        } catch (ExpiredIteratorException e) {
            shard.iterator = null; // unused for 15 minutes (a suspended laptop): take a new one where we were
            return false;
        } catch (TrimmedDataAccessException e) {
            shard.iterator = null; // our position is older than the 24 hours kept: go on from the oldest left
            shard.lastSequence = null;
            shard.startAt = ShardIteratorType.TRIM_HORIZON;
            log("stream pump: records of shard " + shardId + " were trimmed before they were read");
            return false;
        }
        List<Record> records = page.records();
        if (!records.isEmpty()) {
            deliver(records);
            shard.lastSequence = records.getLast().dynamodb().sequenceNumber();
        }
        shard.iterator = page.nextShardIterator();
        shard.done = shard.iterator == null;
        return !records.isEmpty();
    }

    private String iterator(String shardId, ShardReader shard) {
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (shard.lastSequence != null) {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(shard.lastSequence);
            } else {
                request.shardIteratorType(shard.startAt);
            }
        }).shardIterator();
    }

    /**
     * As Lambda with ReportBatchItemFailures: retries from the first failed record; after
     * MAX_RETRIES gives the rest of the batch up (on AWS it goes to the ChangePublisherFailures bucket).
     */
    private void deliver(List<Record> batch) {
        List<Record> pending = batch;
        for (int retry = 0; running; retry++) {
            int failed = firstFailed(pending);
            if (failed < 0) {
                return;
            }
            pending = pending.subList(failed, pending.size());
            if (retry == MAX_RETRIES) {
                log("stream pump: gave up on " + pending.size() + " records, sequence numbers "
                        + pending.getFirst().dynamodb().sequenceNumber() + " to " + pending.getLast().dynamodb().sequenceNumber()
                        + ", after " + MAX_RETRIES + " retries (on AWS: to the ChangePublisherFailures bucket)");
                return;
            }
            pause();
        }
    }

    /** Invokes the handler once; the index of the record to retry from, or -1 when all were taken. */
    private int firstFailed(List<Record> records) {
        StreamsEventResponse response;
        try {
            response = handler.handleRequest(StreamRecords.event(records, streamArn), new LocalContext());
        } catch (RuntimeException e) {
            log("stream pump: handler failed, retrying the batch: " + e);
            return 0;
        }
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return -1;
        }
        // Lambda checkpoints at the lowest failed sequence number; an identifier it cannot match fails the whole batch.
        int first = records.size();
        for (var failure : response.getBatchItemFailures()) {
            int index = indexOf(records, failure.getItemIdentifier());
            first = Math.min(first, index < 0 ? 0 : index);
        }
        return first;
    }

    private static int indexOf(List<Record> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    private void pause() {
        try {
            Thread.sleep(IDLE_MILLIS);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** Logs once per distinct message in a row, so an engine that went away is one line, not five a second. */
    private void log(String message) {
        if (running && !message.equals(lastError)) {
            System.err.println(message);
        }
        lastError = message;
    }

    /** Stops the thread (waiting briefly for a batch in flight) and closes the streams client. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.close();
    }
}

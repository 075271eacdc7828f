package com.newsapi.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns DynamoDB Streams records (SDK v2) into the Lambda events library's {@link DynamodbEvent},
 * the shape Lambda's event source mapping hands to a stream function.
 */
final class StreamRecords {

    static final String EVENT_SOURCE = "aws:dynamodb";

    private StreamRecords() {
    }

    static DynamodbEvent event(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(record -> record(record, streamArn)).toList());
        return event;
    }

    static DynamodbEvent.DynamodbStreamRecord record(Record source, String streamArn) {
        var data = source.dynamodb();
        StreamRecord target = new StreamRecord();
        target.setSequenceNumber(data.sequenceNumber());
        target.setSizeBytes(data.sizeBytes());
        if (data.streamViewType() != null) {
            target.setStreamViewType(StreamViewType.fromValue(data.streamViewTypeAsString()));
        }
        if (data.approximateCreationDateTime() != null) {
            target.setApproximateCreationDateTime(Date.from(data.approximateCreationDateTime()));
        }
        // Only images the record has: the classifier tells an INSERT from a MODIFY by a missing old image.
        if (data.hasKeys()) {
            target.setKeys(image(data.keys()));
        }
        if (data.hasOldImage()) {
            target.setOldImage(image(data.oldImage()));
        }
        if (data.hasNewImage()) {
            target.setNewImage(image(data.newImage()));
        }
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(source.eventID());
        record.setEventName(source.eventNameAsString());
        record.setEventVersion(source.eventVersion());
        record.setEventSource(EVENT_SOURCE);
        record.setAwsRegion(source.awsRegion());
        record.setEventSourceARN(streamArn);
        record.setDynamodb(target);
        return record;
    }

    static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        AttributeValue converted = new AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> converted.setM(image(value.m()));
            case L -> converted.setL(value.l().stream().map(StreamRecords::value).toList());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(value.nul());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("attribute of a type this SDK does not know: " + value);
        }
        return converted;
    }
}

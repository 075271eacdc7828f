package com.newsapi.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Read capacity units by DynamoDB's published rules, counted from what the engine actually returned
 * to each call (an interceptor on the client): an item's size is the sum of its attribute names and
 * values (a list or map 3 bytes plus 1 per element, a number 1 byte per two digits plus 1, a boolean
 * 1); a Query sums the sizes of the items it read and rounds up to 4 KB once, a GetItem or each item
 * of a BatchGetItem rounds up on its own; a unit per 4 KB strongly consistent, half eventually
 * consistent (every GSI read is). Counted in half units.
 */
public final class ReadUnits implements ExecutionInterceptor {

    private static final int BLOCK = 4096;

    private final AtomicLong halfUnits = new AtomicLong();
    private final AtomicLong itemsRead = new AtomicLong();

    public double units() {
        return halfUnits.get() / 2.0;
    }

    public long itemsRead() {
        return itemsRead.get();
    }

    public void reset() {
        halfUnits.set(0);
        itemsRead.set(0);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse query && context.request() instanceof QueryRequest request) {
            long bytes = query.items().stream().mapToLong(ReadUnits::itemSize).sum();
            boolean consistent = Boolean.TRUE.equals(request.consistentRead()) && request.indexName() == null;
            add(Math.max(1, blocks(bytes)), consistent, query.items().size());
        } else if (context.response() instanceof BatchGetItemResponse batch && context.request() instanceof BatchGetItemRequest request) {
            batch.responses().forEach((table, items) -> {
                boolean consistent = Boolean.TRUE.equals(request.requestItems().get(table).consistentRead());
                for (Map<String, AttributeValue> item : items) {
                    add(Math.max(1, blocks(itemSize(item))), consistent, 1);
                }
            });
        } else if (context.response() instanceof GetItemResponse get && context.request() instanceof GetItemRequest request) {
            add(Math.max(1, blocks(get.hasItem() ? itemSize(get.item()) : 0)), Boolean.TRUE.equals(request.consistentRead()), 1);
        }
    }

    private void add(long blocks, boolean consistent, long items) {
        halfUnits.addAndGet(consistent ? 2 * blocks : blocks);
        itemsRead.addAndGet(items);
    }

    private static long blocks(long bytes) {
        return (bytes + BLOCK - 1) / BLOCK;
    }

    public static long itemSize(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToLong(entry -> utf8(entry.getKey()) + valueSize(entry.getValue())).sum();
    }

    private static long valueSize(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> numberSize(value.n());
            case BOOL, NUL -> 1;
            case B -> value.b().asByteArray().length;
            case L -> 3 + listSize(value.l());
            case M -> 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + valueSize(e.getValue())).sum();
            case SS -> value.ss().stream().mapToLong(ReadUnits::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ReadUnits::numberSize).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown attribute type");
        };
    }

    private static long listSize(List<AttributeValue> values) {
        return values.stream().mapToLong(v -> 1 + valueSize(v)).sum();
    }

    private static long numberSize(String number) {
        String digits = new BigDecimal(number).unscaledValue().abs().toString().replaceAll("^0+|0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

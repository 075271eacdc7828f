package com.newsapi.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's item size, as it bills reads and writes and limits items ("Item sizes and formats" in
 * the DynamoDB Developer Guide): each attribute's name in UTF-8 plus its value. A string is its
 * UTF-8 bytes; a number 1 byte per two significant digits plus 1 (plus 1 if negative); binary its
 * raw bytes; a boolean or null 1 byte; a list or map 3 bytes plus 1 byte per element plus the
 * elements (a map entry's key counts as a name); a set the sum of its elements.
 */
final class ItemSize {

    private ItemSize() {
    }

    static long of(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long size = 0;
        for (var attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    static long of(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return number(value.n());
        }
        if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        }
        if (value.bool() != null || value.nul() != null) {
            return 1;
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(ItemSize::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToLong(ItemSize::number).sum();
        }
        if (value.hasBs()) {
            return value.bs().stream().mapToLong(bytes -> bytes.asByteArrayUnsafe().length).sum();
        }
        long size = 3;
        if (value.hasL()) {
            for (AttributeValue element : value.l()) {
                size += 1 + of(element);
            }
        } else if (value.hasM()) {
            for (var entry : value.m().entrySet()) {
                size += 1 + utf8(entry.getKey()) + of(entry.getValue());
            }
        }
        return size;
    }

    /** Significant digits only: leading and trailing zeros do not count. */
    private static long number(String text) {
        BigDecimal number = new BigDecimal(text.strip());
        if (number.signum() == 0) {
            return 2;
        }
        String digits = number.stripTrailingZeros().unscaledValue().abs().toString();
        return (digits.length() + 1) / 2 + 1 + (number.signum() < 0 ? 1 : 0);
    }

    static long utf8(String text) {
        return StandardCharsets.UTF_8.encode(text).remaining();
    }
}

package com.newsapi.store;

import com.newsapi.model.Article;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's stream images (the Lambda events' attribute values) decoded as {@link ArticleItemMapper}
 * decodes the items it reads, so that nothing outside {@code store} knows an attribute name or key.
 */
public final class StreamImages {

    private StreamImages() {
    }

    /**
     * The article an image holds; empty for no image and for every other item (slug claims,
     * postings, revisions, tombstones, counters, idempotency records: the table's bookkeeping).
     */
    public static Optional<Article> article(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null || image.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = item(image);
        return TableKeys.isArticleItem(item) ? Optional.of(ArticleItemMapper.fromItem(item)) : Optional.empty();
    }

    private static Map<String, AttributeValue> item(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new HashMap<>();
        image.forEach((name, value) -> item.put(name, value(value)));
        return item;
    }

    private static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        if (value.getL() != null) {
            return AttributeValue.fromL(value.getL().stream().map(StreamImages::value).toList());
        }
        if (value.getM() != null) {
            return AttributeValue.fromM(item(value.getM()));
        }
        if (value.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.getB()));
        }
        if (value.getSS() != null) {
            return AttributeValue.fromSs(value.getSS());
        }
        if (value.getNS() != null) {
            return AttributeValue.fromNs(value.getNS());
        }
        if (value.getBS() != null) {
            return AttributeValue.fromBs(value.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        }
        return AttributeValue.fromNul(true);
    }
}

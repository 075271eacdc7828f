package com.newsapi.store;

import com.newsapi.model.FeedKey;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An index entry that may name a matching article: its feed position, the article id, and the
 * article item as the index projects it (posting items carry only the id, so theirs is null).
 */
record Candidate(FeedKey key, String id, Map<String, AttributeValue> item) {
}

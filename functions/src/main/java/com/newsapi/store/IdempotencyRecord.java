package com.newsapi.store;

import java.time.Instant;

/**
 * The first answer to a create with an Idempotency-Key, kept so a retry gets the same answer.
 *
 * @param key         the caller's key, already scoped to the caller
 * @param requestHash digest of the first request's body; a retry with another body is refused
 * @param expiresAt   when DynamoDB's TTL may delete the record
 */
public record IdempotencyRecord(String key, String requestHash, String articleId, String responseBody,
                                String etag, Instant expiresAt) {
}

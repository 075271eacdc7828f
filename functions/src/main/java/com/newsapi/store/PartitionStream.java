package com.newsapi.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One partition of an index, newest first, between two feed positions, read a page at a time as the
 * caller consumes it. Works for the GSIs (sort key {@code feedKey}) and the posting partitions of the
 * table (sort key {@code sk}).
 */
final class PartitionStream implements CandidateStream {

    private final Function<QueryRequest, QueryResponse> query;
    private final QueryRequest.Builder request;
    private final String sortAttribute;
    private final String upperExclusive;
    private final int pageSize;
    private final Deque<Candidate> buffer = new ArrayDeque<>();
    private Map<String, AttributeValue> resumeAt;
    private boolean finished;

    /**
     * @param index           null for the table itself
     * @param lowerInclusive  rendered feed key (or a prefix of one)
     * @param upperExclusive  rendered feed key (or a prefix of one); entries at or above it are skipped
     */
    PartitionStream(Function<QueryRequest, QueryResponse> query, String table, String index,
                    String partitionAttribute, String partitionValue, String sortAttribute,
                    String lowerInclusive, String upperExclusive, int pageSize) {
        this.query = query;
        this.sortAttribute = sortAttribute;
        this.upperExclusive = upperExclusive;
        this.pageSize = pageSize;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", AttributeValue.fromS(partitionValue));
        values.put(":lo", AttributeValue.fromS(lowerInclusive));
        values.put(":hi", AttributeValue.fromS(upperExclusive));
        this.request = QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression("#p = :p AND #s BETWEEN :lo AND :hi")
                .expressionAttributeNames(Map.of("#p", partitionAttribute, "#s", sortAttribute))
                .expressionAttributeValues(values)
                .scanIndexForward(false);
    }

    @Override
    public Candidate peek() {
        fill();
        return buffer.peekFirst();
    }

    @Override
    public Candidate poll() {
        fill();
        return buffer.pollFirst();
    }

    private void fill() {
        while (buffer.isEmpty() && !finished) {
            QueryResponse response = query.apply(request.limit(pageSize).exclusiveStartKey(resumeAt).build());
            for (Map<String, AttributeValue> item : response.items()) {
                String sortKey = item.get(sortAttribute).s();
                if (!sortKey.equals(upperExclusive)) {
                    FeedKey key = FeedKey.parse(sortKey);
                    boolean isArticle = item.containsKey("slug");
                    buffer.addLast(new Candidate(key, key.id(), isArticle ? item : null));
                }
            }
            resumeAt = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            finished = resumeAt == null;
        }
    }
}

package com.newsapi.store;

import com.newsapi.model.FeedKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One partition of an index between two feed positions, newest first (feeds) or oldest first (the
 * change log), read a page at a time as the caller consumes it. Works for the GSIs (sort key
 * {@code feedKey} or {@code changeKey}; the item as the index projects it) and the posting partitions of
 * the table (sort key {@code sk}, the posting names only the article).
 */
final class PartitionStream implements CandidateStream {

    private final Function<QueryRequest, QueryResponse> query;
    private final QueryRequest.Builder request;
    private final String sortAttribute;
    private final String skipped;
    private final Function<Map<String, AttributeValue>, FeedKey> keyOf;
    private final boolean projectsItems;
    /** The most items one Query of a stream asks for. */
    static final int MAX_PAGE = 100;

    private int pageSize;
    private final Deque<Candidate> buffer = new ArrayDeque<>();
    private Map<String, AttributeValue> resumeAt;
    private boolean finished;

    /**
     * @param index       null for the table itself
     * @param lower       rendered feed key (or a prefix of one); exclusive when reading oldest first
     * @param upper       rendered feed key (or a prefix of one); exclusive when reading newest first
     *                    (a cursor's own entry is skipped; a prefix never equals an entry)
     * @param pageSize    how many items the first Query asks for; each further one asks for twice as
     *                    many, up to {@link #MAX_PAGE}
     */
    PartitionStream(Function<QueryRequest, QueryResponse> query, String table, String index,
                    String partitionAttribute, String partitionValue, String sortAttribute,
                    String lower, String upper, int pageSize, boolean newestFirst) {
        this(query, table, index, partitionAttribute, partitionValue, sortAttribute, lower, upper, pageSize, newestFirst,
                newestFirst ? upper : lower, null, item -> FeedKey.parse(item.get(sortAttribute).s()));
    }

    /**
     * A partition whose sort key is not a feed key (the desk index's {@code updatedAt}, which
     * several articles may share): {@code keyOf} makes each entry's position, {@code skipped} is
     * the bound left out (null: both bounds inclusive), and {@code startAfter}, when not null, is the
     * exclusive start key the first Query resumes after (an entry among several with one sort key).
     */
    PartitionStream(Function<QueryRequest, QueryResponse> query, String table, String index,
                    String partitionAttribute, String partitionValue, String sortAttribute,
                    String lower, String upper, int pageSize, boolean newestFirst,
                    String skipped, Map<String, AttributeValue> startAfter,
                    Function<Map<String, AttributeValue>, FeedKey> keyOf) {
        this.query = query;
        this.sortAttribute = sortAttribute;
        this.skipped = skipped;
        this.keyOf = keyOf;
        this.resumeAt = startAfter;
        this.projectsItems = index != null;
        this.pageSize = pageSize;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", AttributeValue.fromS(partitionValue));
        values.put(":lo", AttributeValue.fromS(lower));
        values.put(":hi", AttributeValue.fromS(upper));
        this.request = QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression("#p = :p AND #s BETWEEN :lo AND :hi")
                .expressionAttributeNames(Map.of("#p", partitionAttribute, "#s", sortAttribute))
                .expressionAttributeValues(values)
                .scanIndexForward(!newestFirst);
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
                if (!sortKey.equals(skipped)) {
                    FeedKey key = keyOf.apply(item);
                    buffer.addLast(new Candidate(key, key.id(), projectsItems ? item : null));
                }
            }
            resumeAt = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            finished = resumeAt == null;
            // A reader that needs more than the first page likely passes over entries: ask for more at a time.
            pageSize = Math.min(pageSize * 2, Math.max(pageSize, MAX_PAGE));
        }
    }
}

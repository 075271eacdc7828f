package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.STATUS;
import static com.newsapi.store.ArticleItemMapper.UPDATED_AT;
import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.DeskPage;
import com.newsapi.model.DeskPosition;
import com.newsapi.model.FeedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The editors' desk list over the {@code desk} index: one partition per stored status, each newest
 * {@code updatedAt} first, merged.
 *
 * <p>Order: the index sorts {@code updatedAt} as stored, {@link Instant#toString()}, whose width
 * varies ({@code ...:05Z}, {@code ...:05.120Z}). Up to the seconds it is fixed width, so across
 * seconds byte order is time order. Within one second it is not: {@code '.'} sorts before
 * {@code 'Z'}, so a change at a whole second sorts after (is listed before) the other changes of the
 * same second. Every stored {@code updatedAt} is at millisecond precision (the services truncate),
 * so this moves at most the one write in a thousand that falls on a whole second, by less than a
 * second; a fixed-width key would mean rewriting every existing item. Paging stays exact: the merge
 * and the cursor follow the stored strings, the order the index itself has.
 *
 * <p>Ties: the loader writes a page's stories at one instant, so many entries share an
 * {@code updatedAt}. Within a partition DynamoDB keeps such entries in an order of its own (by the
 * table key) that an exclusive start key resumes exactly; across partitions the merge puts equal
 * {@code updatedAt} in partition order ({@link #PARTITIONS}). A page ending at an entry of
 * partition P at instant U thus resumes P after that entry, partitions before P strictly below U
 * (their entries at U were all listed) and partitions after P at U inclusive (none of theirs was).
 */
final class DeskQueries {

    /** The status partitions, in the order the merge lists entries with equal {@code updatedAt}. */
    static final List<ArticleStatus> PARTITIONS = List.of(ArticleStatus.DRAFT, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED);
    /** Below and above every stored instant ('A' sorts after every digit). */
    private static final String LOWEST = "0";
    private static final String HIGHEST = "A";

    private final DynamoDbClient dynamo;
    private final String table;

    DeskQueries(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Articles in {@code status} as seen at {@code now} (every status when empty; "published" takes
     * in a scheduled article whose time has come, "scheduled" only those still ahead) that answer
     * {@code query} (tag, author, search; checked on what the index projects, so a search looks at
     * titles and summaries), newest change first. At most {@link ArticleStore#MAX_EXAMINED} entries
     * are examined per page: a rare filter gives a short page with a cursor.
     */
    DeskPage find(Optional<ArticleStatus> status, ArticleQuery query, Optional<DeskPosition> after, int limit, Instant now) {
        List<ArticleStatus> partitions = switch (status.orElse(null)) {
            case null -> PARTITIONS;
            case DRAFT -> List.of(ArticleStatus.DRAFT);
            case SCHEDULED -> List.of(ArticleStatus.SCHEDULED);
            case PUBLISHED -> List.of(ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED);
        };
        boolean filtered = !query.equals(ArticleQuery.ALL) || status.isPresent() && status.get() != ArticleStatus.DRAFT;
        int pageSize = filtered ? PartitionStream.MAX_PAGE : ArticleQueries.shareOf(limit + 1, partitions.size());
        List<PartitionStream> streams = new ArrayList<>();
        for (ArticleStatus partition : partitions) {
            streams.add(partition(partition, after, pageSize));
        }
        CandidateStream entries = new MergedStream(streams, NEWEST_FIRST);
        List<Article> matches = new ArrayList<>(limit);
        Candidate lastExamined = null;
        int examined = 0;
        while (matches.size() < limit && examined < ArticleStore.MAX_EXAMINED && entries.peek() != null) {
            Candidate entry = entries.poll();
            examined++;
            lastExamined = entry;
            if (!TableKeys.isArticleItem(entry.item())) {
                continue;
            }
            Article article = ArticleItemMapper.fromDeskItem(entry.item()).asSeenAt(now);
            if (status.map(wanted -> wanted == article.status()).orElse(true) && query.matches(article)) {
                matches.add(article);
            }
        }
        boolean more = entries.peek() != null;
        return new DeskPage(matches, more && lastExamined != null ? Optional.of(positionOf(lastExamined.item())) : Optional.empty());
    }

    /** Heads with the later stored {@code updatedAt} first; equal ones in partition order. */
    private static final Comparator<CandidateStream> NEWEST_FIRST =
            Comparator.comparing((CandidateStream stream) -> stream.peek().item().get(UPDATED_AT).s()).reversed()
                    .thenComparing(stream -> rank(stream.peek().item()));

    private static int rank(Map<String, AttributeValue> item) {
        return PARTITIONS.indexOf(ArticleStatus.fromWireName(item.get(STATUS).s()));
    }

    private PartitionStream partition(ArticleStatus partition, Optional<DeskPosition> after, int pageSize) {
        String upper = after.map(DeskPosition::updatedAt).orElse(HIGHEST);
        String skipped = null;
        Map<String, AttributeValue> startAfter = null;
        if (after.isPresent()) {
            int order = Integer.compare(PARTITIONS.indexOf(partition), PARTITIONS.indexOf(after.get().status()));
            if (order == 0) {
                startAfter = Map.of(TableKeys.PK, TableKeys.articleKey(after.get().id()).get(TableKeys.PK),
                        TableKeys.SK, TableKeys.articleKey(after.get().id()).get(TableKeys.SK),
                        STATUS, ArticleItemMapper.s(partition.wireName()),
                        UPDATED_AT, ArticleItemMapper.s(after.get().updatedAt()));
            } else if (order < 0) {
                skipped = upper; // its entries at that instant came before the cursor's: all listed
            }
        }
        return new PartitionStream(request -> call(() -> dynamo.query(request)), table, TableKeys.DESK_INDEX,
                STATUS, partition.wireName(), UPDATED_AT, LOWEST, upper, pageSize, true, skipped, startAfter,
                item -> new FeedKey(Instant.parse(item.get(UPDATED_AT).s()), TableKeys.idOfArticleItem(item)));
    }

    private static DeskPosition positionOf(Map<String, AttributeValue> item) {
        return new DeskPosition(item.get(UPDATED_AT).s(), ArticleStatus.fromWireName(item.get(STATUS).s()),
                TableKeys.idOfArticleItem(item));
    }
}

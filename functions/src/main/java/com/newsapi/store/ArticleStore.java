package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.ARTICLE_ID;
import static com.newsapi.store.ArticleItemMapper.s;
import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.error.VersionConflict;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.CountKind;
import com.newsapi.model.CountPage;
import com.newsapi.model.DeskPage;
import com.newsapi.model.DeskPosition;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Page;
import com.newsapi.model.Revision;
import com.newsapi.model.RevisionPage;
import com.newsapi.model.RevisionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The repository the services use: reads of articles, revisions, counts and the change log, and an
 * editor's create, replace and delete (helped by the package-private {@link ArticleQueries},
 * {@link CountQueries}, {@link DeskQueries}, {@link Transactions} and {@link IndexMaintenance}).
 * The loader writes through {@link SeedWrites}. Reads get a key or query an index, never scan; SDK
 * failures leave here as domain exceptions with their cause kept.
 */
public final class ArticleStore {

    /** A page of a list or a sync examines at most this many index entries, then returns what it found with a cursor. */
    public static final int MAX_EXAMINED = 500;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ArticleQueries queries;
    private final CountQueries counts;
    private final DeskQueries desk;
    private final Transactions transactions;
    private final IndexMaintenance index;
    private final SlugClaims slugClaims;

    public ArticleStore(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        Batches batches = new Batches(dynamo, table, backoff);
        this.queries = new ArticleQueries(dynamo, table, batches);
        this.counts = new CountQueries(dynamo, table);
        this.desk = new DeskQueries(dynamo, table);
        this.transactions = new Transactions(dynamo, backoff);
        this.index = new IndexMaintenance(dynamo, table, batches);
        this.slugClaims = new SlugClaims(batches);
    }

    public Optional<Article> findById(String id) {
        Map<String, AttributeValue> item = call(() -> dynamo.getItem(get -> get
                .tableName(table).key(TableKeys.articleKey(id)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItemMapper.fromItem(item));
    }

    /** As {@link #findById}, with whether the revision of the stored version is recorded (what a change needs to know). */
    public Optional<StoredArticle> findStored(String id) {
        Map<String, AttributeValue> item = call(() -> dynamo.getItem(get -> get
                .tableName(table).key(TableKeys.articleKey(id)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new StoredArticle(ArticleItemMapper.fromItem(item), ArticleItemMapper.isRevised(item)));
    }

    /**
     * Published articles that answer {@code query}, newest first, strictly after {@code after} in
     * feed order and visible at {@code now}; see {@link ArticleQueries}.
     */
    public Page<Article> find(ArticleQuery query, Optional<FeedKey> after, int limit, Instant now) {
        return queries.find(query, after, limit, now, true);
    }

    /**
     * As {@link #find(ArticleQuery, Optional, int, Instant)}; without {@code whole}, articles may be
     * read from the list indexes alone: no body, author bio or source (what a list shows by default).
     */
    public Page<Article> find(ArticleQuery query, Optional<FeedKey> after, int limit, Instant now, boolean whole) {
        return queries.find(query, after, limit, now, whole);
    }

    /**
     * The editors' desk: articles in any status (or in {@code status} as seen at {@code now}) that
     * answer {@code query}, newest change first, after {@code after}; see {@link DeskQueries}.
     */
    public DeskPage desk(Optional<ArticleStatus> status, ArticleQuery query, Optional<DeskPosition> after, int limit, Instant now) {
        return desk.find(status, query, after, limit, now);
    }

    /** The attributes the desk index projects besides its keys and the table's (template.yaml names the same). */
    public static final List<String> DESK_ATTRIBUTES = ArticleItemMapper.DESK_ATTRIBUTES;

    /** The attributes the list indexes project (template.yaml's NonKeyAttributes of feed, byAuthor, byTag1…5). */
    public static final List<String> LISTED_ATTRIBUTES = ArticleItemMapper.LISTED_ATTRIBUTES;

    /**
     * Up to {@code limit} tags or authors after the key {@code after}, in key order, each with how
     * many published articles visible at {@code now} it has; see {@link CountQueries}.
     */
    public CountPage counts(CountKind kind, Optional<String> after, int limit, Instant now) {
        return counts.page(kind, after, limit, now);
    }

    /** Which article holds each of these slugs, for the slugs that are taken. */
    public Map<String, String> slugOwners(Collection<String> slugs) {
        return slugClaims.owners(slugs);
    }

    public Optional<Article> findBySlug(String slug) {
        Map<String, AttributeValue> claim = call(() -> dynamo.getItem(get -> get
                .tableName(table).key(TableKeys.slugKey(slug)).consistentRead(true)).item());
        if (claim == null || !claim.containsKey(ARTICLE_ID)) {
            return Optional.empty();
        }
        return findById(claim.get(ARTICLE_ID).s());
    }

    /**
     * Creates an article, claiming its slug, counting it under its tags and author when listed and,
     * when given, recording the idempotency key, and its first revision ({@code revision}, of this
     * article), all in one transaction. Search postings are written first (readers check postings
     * against the article, so one left by a failed create is harmless).
     *
     * @throws SlugTaken           the slug is held by another article
     * @throws IdempotencyKeyTaken the key was recorded first, by this request's earlier try or a concurrent one
     */
    public void create(Revision revision, Optional<IdempotencyRecord> idempotency) {
        Article article = revision.article();
        index.writePostings(article);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.toRevisedItem(article, EDITED_HASH))
                .conditionExpression(TableKeys.KEY_IS_FREE).build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.slugItem(article.slug(), article.id()))
                .conditionExpression(TableKeys.KEY_IS_FREE).build()).build());
        // A record past its expiresAt may still be stored (TTL deletes within about 48 hours, and local
        // engines never): it no longer holds the key, so it may be replaced.
        idempotency.ifPresent(record -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.idempotencyItem(record))
                .conditionExpression(TableKeys.KEY_IS_FREE + " OR #expiresAt <= :now")
                .expressionAttributeNames(Map.of("#expiresAt", ArticleItemMapper.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(article.createdAt().getEpochSecond()))))
                .build()).build()));
        writes.addAll(CounterDeltas.between(null, article).writes(table));
        writes.add(revisionPut(revision));
        try {
            transactions.writeRetryingConflicts(writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.failedCondition(e, 2)) {
                throw new IdempotencyKeyTaken();
            }
            if (Transactions.failedCondition(e, 1)) {
                throw new SlugTaken(article.slug());
            }
            throw Transactions.conflictOrUnavailable(e);
        }
    }

    /**
     * Replaces a stored article with a new version, only if the stored version is still
     * {@code previous.version()}: of two concurrent editors, exactly one wins. One transaction: the
     * article, its new revision ({@code revision}, of the new version), the removal of the revision
     * that falls out of the last {@link Revision#KEPT}, the replaced version's revision when it was
     * never recorded (an article from before revisions, or a loaded one), the counters when they
     * move and, back to draft, the change log's tombstone.
     *
     * @throws VersionConflict the article changed (or vanished) since {@code previous} was read
     */
    public void replace(StoredArticle previous, Revision revision) {
        commitReplace(previous, revision);
        index.removeStalePostings(previous.article(), Optional.of(revision.article()));
    }

    /** {@link #replace} up to its commit (postings, then the article); a test runs the clean-up apart. */
    void commitReplace(StoredArticle stored, Revision revision) {
        Article previous = stored.article();
        Article updated = revision.article();
        index.writePostings(updated);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.toRevisedItem(updated, EDITED_HASH))
                .conditionExpression(TableKeys.AT_VERSION).expressionAttributeNames(TableKeys.VERSION_NAME)
                .expressionAttributeValues(expectedVersion(previous))
                .build()).build());
        writes.add(revisionPut(revision));
        if (!stored.revised()) {
            writes.add(revisionPut(Revision.recordedLate(previous)));
        }
        long fallsOut = updated.version() - Revision.KEPT;
        if (fallsOut >= 1) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(TableKeys.revisionKey(updated.id(), fallsOut)).build()).build());
        }
        if (previous.status().isListed() && !updated.status().isListed()) {
            // Back to draft: the change log's tombstone is written in the same transaction.
            writes.add(tombstone(previous, updated.updatedAt()));
        }
        CounterDeltas counted = CounterDeltas.between(previous, updated);
        writes.addAll(counted.writes(table));
        transact(writes);
        index.removeEmptyCounters(counted.lowered());
    }

    private TransactWriteItem revisionPut(Revision revision) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.revisionItem(revision.article().id(), revision)).build()).build();
    }

    /** One kept version of an article, whole; empty if it was never kept, fell out of the last {@link Revision#KEPT}, or went with the article. */
    public Optional<Revision> findRevision(String id, long version) {
        Map<String, AttributeValue> item = call(() -> dynamo.getItem(get -> get
                .tableName(table).key(TableKeys.revisionKey(id, version)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItemMapper.revisionFromItem(item));
    }

    /**
     * Up to {@code limit} of an article's revisions below version {@code before} (all, when empty),
     * newest first, without their content. One Query of the article's partition; it is charged for
     * the whole revision items it reads (content included), so a page may be short, with a next.
     */
    public RevisionPage revisions(String id, OptionalLong before, int limit) {
        String highest = TableKeys.revisionSortKey(before.isPresent() ? before.getAsLong() - 1 : Long.MAX_VALUE);
        QueryResponse response = call(() -> dynamo.query(query -> query.tableName(table).consistentRead(true)
                .keyConditionExpression(TableKeys.REVISIONS_BETWEEN)
                .expressionAttributeValues(Map.of(":pk", s(TableKeys.articlePartition(id)),
                        ":lowest", s(TableKeys.revisionSortKey(0)), ":highest", s(highest)))
                .projectionExpression(ArticleItemMapper.REVISION_SUMMARY)
                .expressionAttributeNames(ArticleItemMapper.REVISION_SUMMARY_NAMES)
                .scanIndexForward(false)
                .limit(limit)));
        List<RevisionSummary> items = response.items().stream().map(ArticleItemMapper::revisionSummaryFromItem).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                && !items.isEmpty() && items.getLast().version() > 1;
        return new RevisionPage(items, more ? OptionalLong.of(items.getLast().version()) : OptionalLong.empty());
    }

    /**
     * The keys of every revision an article has, read consistently: what its delete removes. Every
     * page, through the SDK's paginator, as a Query reads at most 1 MB (and is charged for the whole
     * items) per call.
     */
    private List<Map<String, AttributeValue>> revisionKeys(String id) {
        return call(() -> dynamo.queryPaginator(query -> query.tableName(table).consistentRead(true)
                .keyConditionExpression(TableKeys.REVISIONS_OF)
                .expressionAttributeValues(Map.of(":pk", s(TableKeys.articlePartition(id)),
                        ":revisions", s(TableKeys.REVISION_PREFIX)))
                .projectionExpression(TableKeys.KEY_ONLY))
                .items().stream().toList());
    }

    /**
     * Deletes an article and frees its slug, only if it is still at {@code previous.version()}; its
     * revisions go in the same transaction (read first: a write that adds one meanwhile changes
     * the version, and the transaction fails), and a listed article leaves its tombstone in the
     * change log. At most {@link Revision#KEPT} revisions, a slug, a tombstone and six counters:
     * far below a transaction's 100 items.
     */
    public void delete(Article previous, Instant at) {
        List<Map<String, AttributeValue>> revisions = revisionKeys(previous.id());
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(TableKeys.articleKey(previous.id()))
                        .conditionExpression(TableKeys.AT_VERSION).expressionAttributeNames(TableKeys.VERSION_NAME)
                        .expressionAttributeValues(expectedVersion(previous))
                        .build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(TableKeys.slugKey(previous.slug()))
                        .conditionExpression(ARTICLE_ID + " = :id")
                        .expressionAttributeValues(Map.of(":id", s(previous.id())))
                        .build()).build()));
        if (previous.status().isListed()) {
            writes.add(tombstone(previous, at));
        }
        for (Map<String, AttributeValue> revision : revisions) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(revision).build()).build());
        }
        CounterDeltas counted = CounterDeltas.between(previous, null);
        writes.addAll(counted.writes(table));
        transact(writes);
        index.removeEmptyCounters(counted.lowered());
        index.removeStalePostings(previous, Optional.empty());
    }

    private static Map<String, AttributeValue> expectedVersion(Article previous) {
        return Map.of(":expected", ArticleItemMapper.n(previous.version()));
    }

    private TransactWriteItem tombstone(Article previous, Instant at) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.tombstoneItem(new Tombstone(previous.id(), at)))
                .build()).build();
    }

    private void transact(List<TransactWriteItem> writes) {
        try {
            transactions.writeRetryingConflicts(writes);
        } catch (TransactionCanceledException e) {
            throw Transactions.conflictOrUnavailable(e);
        }
    }

    /**
     * The change log, oldest first: listed articles that changed after {@code since} (or after the
     * position {@code after}) up to {@code until}, and tombstones of those that went; see {@link ArticleQueries}.
     */
    public Page<Change> changes(Instant since, Optional<FeedKey> after, Instant until, int limit) {
        return queries.changes(since, after, until, limit);
    }

    public Optional<IdempotencyRecord> findIdempotency(String key) {
        Map<String, AttributeValue> item = call(() -> dynamo.getItem(get -> get.tableName(table)
                .key(TableKeys.idempotencyKey(key)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItemMapper.idempotencyFromItem(item));
    }

    /** Marks articles written through the API: the loader never overwrites them. */
    static final String EDITED_HASH = "edited";
}

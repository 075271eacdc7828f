package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.ARTICLE_ID;
import static com.newsapi.store.ArticleItemMapper.VERSION;
import static com.newsapi.store.ArticleItemMapper.s;
import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.error.ApiException;
import com.newsapi.error.StoreUnavailable;
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
import com.newsapi.search.Terms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The repository: all DynamoDB access of the application goes through this class (helped by the
 * package-private {@link ArticleQueries}, {@link CountQueries} and {@link Batches}). Reads get a key
 * or query an index, never scan; SDK failures leave here as domain exceptions with their cause kept.
 */
public final class ArticleStore {


    /** A page of a list or a sync examines at most this many index entries, then returns what it found with a cursor. */
    public static final int MAX_EXAMINED = 500;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Batches batches;
    private final ArticleQueries queries;
    private final CountQueries counts;
    private final DeskQueries desk;
    private final Backoff backoff;

    public ArticleStore(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
        this.batches = new Batches(dynamo, table, backoff);
        this.queries = new ArticleQueries(dynamo, table, batches);
        this.counts = new CountQueries(dynamo, table);
        this.desk = new DeskQueries(dynamo, table);
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

    /** Sets every tag and author counter to a recount of the listed articles; O(table), see {@link CounterRebuild}. */
    public CounterRebuild.Result rebuildCounters() {
        return new CounterRebuild(dynamo, table).run();
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
        writePostings(article);
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
            transactRetryingConflicts(writes);
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (failedCondition(reasons, 2)) {
                throw new IdempotencyKeyTaken();
            }
            if (failedCondition(reasons, 1)) {
                throw new SlugTaken(article.slug());
            }
            throw conflictOrUnavailable(e);
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
        removeStalePostings(previous.article(), Optional.of(revision.article()));
    }

    /** {@link #replace} up to its commit (postings, then the article); a test runs the clean-up apart. */
    void commitReplace(StoredArticle stored, Revision revision) {
        Article previous = stored.article();
        Article updated = revision.article();
        writePostings(updated);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.toRevisedItem(updated, EDITED_HASH))
                .conditionExpression(AT_VERSION).expressionAttributeNames(VERSION_NAME)
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
        removeEmptyCounters(counted.lowered());
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
                        .conditionExpression(AT_VERSION).expressionAttributeNames(VERSION_NAME)
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
        removeEmptyCounters(counted.lowered());
        removeStalePostings(previous, Optional.empty());
    }

    /** The condition of every change to an article: it is still at the version the change was based on. */
    private static final String AT_VERSION = "#version = :expected";
    private static final Map<String, String> VERSION_NAME = Map.of("#version", VERSION);

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
            transactRetryingConflicts(writes);
        } catch (TransactionCanceledException e) {
            throw conflictOrUnavailable(e);
        }
    }

    /** Retries of a transaction cancelled only because another one held one of its items. */
    static final int CONFLICT_RETRIES = 3;

    /**
     * Writes a transaction, again (after a short jittered pause) when it was cancelled only by a
     * conflict: concurrent writes of articles that share a tag or an author meet on its counter,
     * and the SDK does not retry a cancelled transaction. A cancelled transaction wrote nothing,
     * so its retry is safe.
     */
    private void transactRetryingConflicts(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                call(() -> dynamo.transactWriteItems(write -> write.transactItems(writes)));
                return;
            } catch (TransactionCanceledException e) {
                if (attempt > CONFLICT_RETRIES || !onlyConflicts(e)) {
                    throw e;
                }
                backoff.pause(attempt);
            }
        }
    }

    private static boolean onlyConflicts(TransactionCanceledException e) {
        List<String> codes = e.hasCancellationReasons() ? e.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
        return codes.contains("TransactionConflict")
                && codes.stream().allMatch(code -> "TransactionConflict".equals(code) || "None".equals(code));
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
    public static final String EDITED_HASH = "edited";

    /**
     * Before the article is written: its postings, each put only over one not newer, so a writer whose
     * change then loses its version check never lowers a posting a later version wrote.
     */
    private void writePostings(Article article) {
        batches.putWhere(postings(article), NOT_NEWER_THAN, VERSION_NAME, Map.of(":version", ArticleItemMapper.n(article.version())));
    }

    /**
     * Best effort, after the article is written: postings {@code previous} had and {@code current}
     * lacks. Each is deleted only while it is at a version not newer than {@code previous}'s, so a
     * clean-up that runs late (after a later edit put the word back and wrote its posting again)
     * leaves that posting alone. One left behind (a crash here) is checked and skipped by readers.
     */
    void removeStalePostings(Article previous, Optional<Article> current) {
        removeStalePostings(previous, FeedKey.of(previous), current);
    }

    /**
     * As {@link #removeStalePostings(Article, Optional)}, for a previous article whose postings sit at
     * {@code previousKey}: where its item says it was, which an earlier feed rule may have put
     * elsewhere than the rule puts it now.
     */
    private void removeStalePostings(Article previous, FeedKey previousKey, Optional<Article> current) {
        Set<Map<String, AttributeValue>> keep = current.map(article -> postingKeys(article, FeedKey.of(article))).orElse(Set.of());
        List<Map<String, AttributeValue>> stale = postingKeys(previous, previousKey).stream().filter(key -> !keep.contains(key)).toList();
        try {
            batches.deleteWhere(stale, NOT_NEWER_THAN, VERSION_NAME, Map.of(":version", ArticleItemMapper.n(previous.version())));
        } catch (RuntimeException e) {
            // The change itself is committed; stale postings are only extra candidates for readers.
        }
    }

    /**
     * A writer for {@code :version} may replace or remove a posting only while it is not newer
     * (absent, or written before postings carried a version, counts as older).
     */
    private static final String NOT_NEWER_THAN = "attribute_not_exists(#version) OR #version <= :version";

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static ApiException conflictOrUnavailable(TransactionCanceledException e) {
        boolean conditionFailed = e.hasCancellationReasons()
                && e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
        if (conditionFailed) {
            return new VersionConflict("The article changed since you read it; fetch it again.");
        }
        // TransactionConflict and throttling: another transaction touched the same items; retryable.
        return new StoreUnavailable(e);
    }

    /** The stored version of each of these ids that exists. */
    public Map<String, StoredVersion> storedVersions(Collection<String> ids) {
        Map<String, StoredVersion> found = new HashMap<>();
        for (Map<String, AttributeValue> item : batches.get(ids.stream().map(TableKeys::articleKey).toList(),
                ArticleItemMapper.STORED_VERSION)) {
            found.put(ArticleItemMapper.idOf(item), ArticleItemMapper.storedVersionFromItem(item));
        }
        return found;
    }

    /** Which article holds each of these slugs, for the slugs that are taken. */
    public Map<String, String> slugOwners(Collection<String> slugs) {
        Map<String, String> owners = new HashMap<>();
        for (Map<String, AttributeValue> item : batches.get(slugs.stream().map(TableKeys::slugKey).toList(),
                ArticleItemMapper.SLUG_CLAIM)) {
            owners.put(TableKeys.slugOfClaim(item), item.get(ARTICLE_ID).s());
        }
        return owners;
    }

    /** {@link #putAll(List, Map, Map)} based on the versions stored now. */
    public int putAll(List<Article> articles, Map<String, String> contentHashes) {
        return putAll(articles, contentHashes, storedVersions(articles.stream().map(Article::id).toList()));
    }

    /**
     * Writes each article with its slug claim and its counters, only if the article is still as
     * {@code previous} says (its version there, or absent): up to {@link #ARTICLES_PER_TRANSACTION}
     * articles a transaction, their counter changes summed. A group that meets an article changed
     * since is written again one article at a time, and each article changed since is left as it
     * is (the next run decides again). Search postings go first: an interrupted run leaves at worst
     * postings that readers check and skip, never an article that search cannot find. Postings a
     * replaced article had and its new text lacks are then removed as an edit's are
     * ({@link #removeStalePostings}): conditionally, so a posting an editor's later version needs stays.
     *
     * @return how many articles were written
     */
    public int putAll(List<Article> articles, Map<String, String> contentHashes, Map<String, StoredVersion> previous) {
        List<Map<String, AttributeValue>> replaced = batches.get(articles.stream().filter(article -> previous.containsKey(article.id()))
                .map(article -> TableKeys.articleKey(article.id())).toList(), null);
        List<WriteRequest> indexWrites = new ArrayList<>();
        for (Article article : articles) {
            indexWrites.addAll(postings(article).stream().map(Batches::put).toList());
        }
        batches.write(indexWrites.stream().distinct().toList());
        int written = 0;
        List<Article> group = new ArrayList<>();
        for (Article article : articles) {
            if (group.size() == ARTICLES_PER_TRANSACTION || group.stream().anyMatch(other -> other.id().equals(article.id()))) {
                written += putGroup(group, contentHashes, previous);
                group.clear();
            }
            group.add(article);
        }
        written += putGroup(group, contentHashes, previous);
        Map<String, Article> byId = new HashMap<>();
        articles.forEach(article -> byId.put(article.id(), article));
        for (Map<String, AttributeValue> item : replaced) {
            // Its postings sit where its item says it was, which an earlier feed rule may have put elsewhere.
            Article stale = ArticleItemMapper.fromItem(item);
            String storedKey = ArticleItemMapper.string(item, TableKeys.FEED_KEY);
            removeStalePostings(stale, storedKey == null ? FeedKey.of(stale) : FeedKey.parse(storedKey),
                    Optional.of(byId.get(stale.id())));
        }
        return written;
    }

    /** The search postings of a listed article, at its version: one per indexed term. */
    static List<Map<String, AttributeValue>> postings(Article article) {
        return postings(article, FeedKey.of(article));
    }

    private static List<Map<String, AttributeValue>> postings(Article article, FeedKey key) {
        if (!article.status().isListed()) {
            return List.of();
        }
        return Terms.of(article.passages()).stream()
                .map(term -> ArticleItemMapper.termPosting(term, key, article.version())).toList();
    }

    private static Set<Map<String, AttributeValue>> postingKeys(Article article, FeedKey key) {
        return postings(article, key).stream().map(TableKeys::postingKey).collect(Collectors.toSet());
    }

    /**
     * A transaction holds at most 100 items and 4 MB: ten articles (at most 400 KB each) with their
     * slug claims and at most six counters each stay within both.
     */
    static final int ARTICLES_PER_TRANSACTION = 10;

    private int putGroup(List<Article> group, Map<String, String> contentHashes, Map<String, StoredVersion> previous) {
        if (group.isEmpty()) {
            return 0;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        CounterDeltas counted = new CounterDeltas();
        for (Article article : group) {
            StoredVersion stored = previous.get(article.id());
            Put.Builder put = Put.builder().tableName(table).item(ArticleItemMapper.toItem(article, contentHashes.get(article.id())));
            if (stored == null) {
                put.conditionExpression(TableKeys.KEY_IS_FREE);
            } else {
                put.conditionExpression(AT_VERSION).expressionAttributeNames(VERSION_NAME)
                        .expressionAttributeValues(Map.of(":expected", ArticleItemMapper.n(stored.version())));
                counted.subtract(stored.counted());
            }
            counted.add(CounterDeltas.contribution(article));
            writes.add(TransactWriteItem.builder().put(put.build()).build());
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(ArticleItemMapper.slugItem(article.slug(), article.id())).build()).build());
        }
        writes.addAll(counted.writes(table));
        try {
            transactRetryingConflicts(writes);
        } catch (TransactionCanceledException e) {
            ApiException failure = conflictOrUnavailable(e);
            if (!(failure instanceof VersionConflict)) {
                throw failure;
            }
            if (group.size() == 1) {
                return 0; // changed since the loader read it (an editor, or another run): that write stands
            }
            int written = 0;
            for (Article article : group) {
                written += putGroup(List.of(article), contentHashes, previous);
            }
            return written;
        }
        removeEmptyCounters(counted.lowered());
        return group.size();
    }

    /**
     * Best effort, after a write that lowered these counters: removes those now at zero, so a
     * name no article carries any more stops costing readers. The condition makes it safe against a
     * concurrent write raising it again; one left behind (a crash here) is skipped by readers.
     */
    private void removeEmptyCounters(List<Counter> lowered) {
        if (lowered.isEmpty()) {
            return;
        }
        try {
            for (Map<String, AttributeValue> item : batches.get(lowered.stream().map(TableKeys::counterKey).toList(), null)) {
                if (Long.parseLong(item.get(ArticleItemMapper.ARTICLES).n()) != 0) {
                    continue;
                }
                try {
                    call(() -> dynamo.deleteItem(delete -> delete.tableName(table)
                            .key(Map.of(TableKeys.PK, item.get(TableKeys.PK), TableKeys.SK, item.get(TableKeys.SK)))
                            .conditionExpression("#articles = :zero")
                            .expressionAttributeNames(Map.of("#articles", ArticleItemMapper.ARTICLES))
                            .expressionAttributeValues(Map.of(":zero", ArticleItemMapper.n(0)))));
                } catch (ConditionalCheckFailedException e) {
                    // Raised again meanwhile: it stays.
                }
            }
        } catch (RuntimeException e) {
            // The change itself is committed; a counter left at zero is skipped by readers.
        }
    }
}

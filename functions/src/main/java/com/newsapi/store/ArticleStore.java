package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.ARTICLE_ID;
import static com.newsapi.store.ArticleItemMapper.CONTENT_HASH;
import static com.newsapi.store.ArticleItemMapper.CREATED_AT;
import static com.newsapi.store.ArticleItemMapper.VERSION;
import static com.newsapi.store.ArticleItemMapper.s;
import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.error.ApiException;
import com.newsapi.error.StoreUnavailable;
import com.newsapi.error.VersionConflict;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.search.Terms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The repository: all DynamoDB access of the application goes through this class (helped by the
 * package-private {@link ArticleQueries} and {@link Batches}). Reads get a key or query an index,
 * never scan; SDK failures leave here as domain exceptions with their cause kept.
 */
public final class ArticleStore {


    /** A page of a list or a sync examines at most this many index entries, then returns what it found with a cursor. */
    public static final int MAX_EXAMINED = 500;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Batches batches;
    private final ArticleQueries queries;

    public ArticleStore(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.batches = new Batches(dynamo, table, backoff);
        this.queries = new ArticleQueries(dynamo, table, batches);
    }

    public Optional<Article> findById(String id) {
        Map<String, AttributeValue> item = call(() -> dynamo.getItem(get -> get
                .tableName(table).key(ArticleItemMapper.articleKey(id)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItemMapper.fromItem(item));
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

    /** The attributes the list indexes project (template.yaml's NonKeyAttributes of feed, byAuthor, byTag1…5). */
    public static final List<String> LISTED_ATTRIBUTES = ArticleItemMapper.LISTED_ATTRIBUTES;

    /** How many published articles, visible at {@code now}, carry each tag. */
    public List<Count> tagCounts(Instant now) {
        return queries.tagCounts(now);
    }

    /** How many published articles, visible at {@code now}, each author has. */
    public List<Count> authorCounts(Instant now) {
        return queries.authorCounts(now);
    }

    public Optional<Article> findBySlug(String slug) {
        Map<String, AttributeValue> claim = call(() -> dynamo.getItem(get -> get
                .tableName(table).key(ArticleItemMapper.slugKey(slug)).consistentRead(true)).item());
        if (claim == null || !claim.containsKey(ARTICLE_ID)) {
            return Optional.empty();
        }
        return findById(claim.get(ARTICLE_ID).s());
    }

    /**
     * Creates an article, claiming its slug and, when given, recording the idempotency key, all in
     * one transaction. Search postings are written first (readers check postings against the
     * article, so one left by a failed create is harmless).
     *
     * @throws SlugTaken           the slug is held by another article
     * @throws IdempotencyKeyTaken the key was recorded first, by this request's earlier try or a concurrent one
     */
    public void create(Article article, Optional<IdempotencyRecord> idempotency) {
        writeIndexEntries(article);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.toItem(article, EDITED_HASH))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.slugItem(article.slug(), article.id()))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        // A record past its expiresAt may still be stored (TTL deletes within about 48 hours, and local
        // engines never): it no longer holds the key, so it may be replaced.
        idempotency.ifPresent(record -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ArticleItemMapper.idempotencyItem(record))
                .conditionExpression("attribute_not_exists(pk) OR #expiresAt <= :now")
                .expressionAttributeNames(Map.of("#expiresAt", ArticleItemMapper.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(article.createdAt().getEpochSecond()))))
                .build()).build()));
        try {
            call(() -> dynamo.transactWriteItems(write -> write.transactItems(writes)));
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
     * {@code previous.version()}: of two concurrent editors, exactly one wins.
     *
     * @throws VersionConflict the article changed (or vanished) since {@code previous} was read
     */
    public void replace(Article previous, Article updated) {
        commitReplace(previous, updated);
        removeStalePostings(previous, Optional.of(updated));
    }

    /** {@link #replace} up to its commit (postings, then the article); a test runs the clean-up apart. */
    void commitReplace(Article previous, Article updated) {
        writeIndexEntries(updated);
        Map<String, AttributeValue> item = ArticleItemMapper.toItem(updated, EDITED_HASH);
        if (previous.status().isListed() && !updated.status().isListed()) {
            // Back to draft: the change log's tombstone is written in the same transaction.
            transact(List.of(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                            .conditionExpression(AT_VERSION).expressionAttributeNames(VERSION_NAME)
                            .expressionAttributeValues(expectedVersion(previous))
                            .build()).build(),
                    tombstone(previous, updated.updatedAt())));
        } else {
            try {
                call(() -> dynamo.putItem(put -> put.tableName(table).item(item)
                        .conditionExpression(AT_VERSION).expressionAttributeNames(VERSION_NAME)
                        .expressionAttributeValues(expectedVersion(previous))));
            } catch (ConditionalCheckFailedException e) {
                throw new VersionConflict("The article changed since version " + previous.version() + "; fetch it again.");
            }
        }
    }

    /**
     * Deletes an article and frees its slug, only if it is still at {@code previous.version()}; a
     * listed article leaves its tombstone in the change log, in the same transaction.
     */
    public void delete(Article previous, Instant at) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(ArticleItemMapper.articleKey(previous.id()))
                        .conditionExpression(AT_VERSION).expressionAttributeNames(VERSION_NAME)
                        .expressionAttributeValues(expectedVersion(previous))
                        .build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(ArticleItemMapper.slugKey(previous.slug()))
                        .conditionExpression("articleId = :id")
                        .expressionAttributeValues(Map.of(":id", s(previous.id())))
                        .build()).build()));
        if (previous.status().isListed()) {
            writes.add(tombstone(previous, at));
        }
        transact(writes);
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
            call(() -> dynamo.transactWriteItems(write -> write.transactItems(writes)));
        } catch (TransactionCanceledException e) {
            throw conflictOrUnavailable(e);
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
                .key(ArticleItemMapper.idempotencyKey(key)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItemMapper.idempotencyFromItem(item));
    }

    /** Marks articles written through the API: the loader never overwrites them. */
    public static final String EDITED_HASH = "edited";

    /**
     * Before the article is written: its postings, each put only over one not newer, so a writer whose
     * change then loses its version check never lowers a posting a later version wrote; then the
     * other index entries.
     */
    private void writeIndexEntries(Article article) {
        List<Map<String, AttributeValue>> postings = postings(article);
        batches.putWhere(postings, NOT_NEWER_THAN, VERSION_NAME, Map.of(":version", ArticleItemMapper.n(article.version())));
        Set<Map<String, AttributeValue>> written = Set.copyOf(postings);
        batches.write(indexEntries(article).stream().filter(entry -> !written.contains(entry)).map(Batches::put).toList());
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
        for (Map<String, AttributeValue> item : batches.get(ids.stream().map(ArticleItemMapper::articleKey).toList(),
                "id, #version, createdAt, contentHash, publishedAt, feedKey")) {
            String publishedAt = ArticleItemMapper.string(item, "publishedAt");
            String feedKey = ArticleItemMapper.string(item, ArticleItemMapper.FEED_KEY);
            found.put(item.get("id").s(), new StoredVersion(
                    Long.parseLong(item.get(VERSION).n()),
                    Instant.parse(item.get(CREATED_AT).s()),
                    item.containsKey(CONTENT_HASH) ? item.get(CONTENT_HASH).s() : "",
                    publishedAt == null ? null : Instant.parse(publishedAt),
                    feedKey == null ? null : FeedKey.parse(feedKey)));
        }
        return found;
    }

    /** Which article holds each of these slugs, for the slugs that are taken. */
    public Map<String, String> slugOwners(Collection<String> slugs) {
        Map<String, String> owners = new HashMap<>();
        for (Map<String, AttributeValue> item : batches.get(slugs.stream().map(ArticleItemMapper::slugKey).toList(),
                "pk, articleId")) {
            owners.put(item.get("pk").s().substring("SLUG#".length()), item.get(ARTICLE_ID).s());
        }
        return owners;
    }

    /**
     * Writes each article with its slug claim, 25 requests a batch, retrying unprocessed items with
     * backoff until all are written. Search postings and tag/author registrations go first, the
     * articles last: an interrupted run leaves at worst postings that readers check and skip, never
     * an article that search cannot find. Puts replace whole items, so writing the same articles
     * again leaves the same items; postings a replaced article had and its new text lacks are then
     * removed as an edit's are ({@link #removeStalePostings}).
     */
    public void putAll(List<Article> articles, Map<String, String> contentHashes) {
        List<Map<String, AttributeValue>> replaced =
                batches.get(articles.stream().map(article -> ArticleItemMapper.articleKey(article.id())).toList(), null);
        List<WriteRequest> indexWrites = new ArrayList<>();
        List<WriteRequest> articleWrites = new ArrayList<>(articles.size() * 2);
        for (Article article : articles) {
            indexWrites.addAll(indexEntries(article).stream().map(Batches::put).toList());
            articleWrites.add(Batches.put(ArticleItemMapper.toItem(article, contentHashes.get(article.id()))));
            articleWrites.add(Batches.put(ArticleItemMapper.slugItem(article.slug(), article.id())));
        }
        batches.write(indexWrites.stream().distinct().toList());
        batches.write(articleWrites);
        Map<String, Article> byId = new HashMap<>();
        articles.forEach(article -> byId.put(article.id(), article));
        for (Map<String, AttributeValue> item : replaced) {
            Article previous = ArticleItemMapper.fromItem(item);
            String storedKey = ArticleItemMapper.string(item, ArticleItemMapper.FEED_KEY);
            removeStalePostings(previous, storedKey == null ? FeedKey.of(previous) : FeedKey.parse(storedKey),
                    Optional.of(byId.get(previous.id())));
        }
    }

    /** The search postings of a listed article, at its version: one per indexed term. */
    static List<Map<String, AttributeValue>> postings(Article article) {
        return postings(article, FeedKey.of(article));
    }

    private static List<Map<String, AttributeValue>> postings(Article article, FeedKey key) {
        if (!article.status().isListed()) {
            return List.of();
        }
        return Terms.ofArticle(article).stream()
                .map(term -> ArticleItemMapper.termPosting(term, key, article.version())).toList();
    }

    private static Set<Map<String, AttributeValue>> postingKeys(Article article, FeedKey key) {
        return postings(article, key).stream().map(ArticleItemMapper::postingKey).collect(Collectors.toSet());
    }

    /** The items that index a listed article besides the article item itself. */
    static List<Map<String, AttributeValue>> indexEntries(Article article) {
        if (!article.status().isListed()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> entries = new ArrayList<>(postings(article));
        for (String tag : ArticleItemMapper.distinctTags(article)) {
            entries.add(ArticleItemMapper.tagRegistration(tag));
        }
        if (article.author() != null) {
            entries.add(ArticleItemMapper.authorRegistration(article.author().name()));
        }
        return entries;
    }

}

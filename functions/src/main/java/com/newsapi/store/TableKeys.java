package com.newsapi.store;

import static com.newsapi.store.ArticleItemMapper.s;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.CountKind;
import com.newsapi.model.FeedKey;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's key design: partition and sort keys of every kind of item, the indexes and their key
 * attributes, the shards. {@link ArticleItemMapper} converts what the items hold; together they are
 * the one place that knows the table's names. The few public members are for tools that talk to the
 * table without the store (the benchmarks' raw baselines), so they do not repeat the key design.
 */
public final class TableKeys {

    static final String PK = "pk";
    static final String SK = "sk";
    public static final String FEED_SHARD = "feedShard";
    public static final String FEED_KEY = "feedKey";
    static final String AUTHOR_KEY = "authorKey";
    public static final String FEED_INDEX = "feed";
    static final String AUTHOR_INDEX = "byAuthor";
    /** One sparse index slot per tag an article may have (byTag1…byTag5). */
    static final int MAX_TAGS = Article.MAX_TAGS;
    static final String TAG_KEY = "tagKey";
    static final String TAG_INDEX = "byTag";
    static final String TAG_PREFIX = "TAG#";
    static final String TERM_PREFIX = "TERM#";
    static final String IDEMPOTENCY_PREFIX = "IDEMPOTENCY#";
    /** Counter items: one per tag and one per author, each kind in its own partition, sorted by key. */
    static final String TAG_COUNTS = "COUNTS#TAG";
    static final String AUTHOR_COUNTS = "COUNTS#AUTHOR";
    static final String CHANGES_INDEX = "changes";
    static final String CHANGE_SHARD = "changeShard";
    static final String CHANGE_KEY = "changeKey";
    /** The condition of a write that must create its item: no item holds the key yet. */
    static final String KEY_IS_FREE = "attribute_not_exists(" + PK + ")";
    /** The condition of every change to an article: it is still at the version the change was based on ({@code :expected}). */
    static final String AT_VERSION = "#version = :expected";
    static final Map<String, String> VERSION_NAME = Map.of("#version", ArticleItemMapper.VERSION);
    /** A Query's key condition on the table's partition alone ({@code :p}). */
    static final String IN_PARTITION = PK + " = :p";
    /** An article partition's ({@code :pk}) revisions from {@code :lowest} to {@code :highest} (sort keys). */
    static final String REVISIONS_BETWEEN = PK + " = :pk AND " + SK + " BETWEEN :lowest AND :highest";
    /** Every revision in an article partition ({@code :pk}; {@code :revisions} is {@link #REVISION_PREFIX}). */
    static final String REVISIONS_OF = PK + " = :pk AND begins_with(" + SK + ", :revisions)";
    /** A projection of an item's key alone. */
    static final String KEY_ONLY = PK + ", " + SK;
    private static final String ARTICLE_PREFIX = "ARTICLE#";
    private static final String ARTICLE_SK = "ARTICLE";
    private static final String SLUG_PREFIX = "SLUG#";
    private static final String SLUG_SK = "SLUG";
    private static final String FEED_SHARD_PREFIX = "FEED#";
    private static final String AUTHOR_PREFIX = "AUTHOR#";
    private static final String CHANGE_SHARD_PREFIX = "CHANGES#";
    private static final String TOMBSTONE_PREFIX = "TOMBSTONE#";
    /** Revisions live in their article's partition, after its item, in version order. */
    static final String REVISION_PREFIX = "REVISION#";
    /** The editors' desk: every article item by its status (hash) and updatedAt (range); see the mapper's DESK_ATTRIBUTES. */
    static final String DESK_INDEX = "desk";
    /**
     * Published articles are spread over this many feed partitions by a hash of their id. A list
     * page queries each shard and merges; the count is part of the stored data, so changing it
     * needs a re-index.
     */
    public static final int FEED_SHARDS = 4;

    private TableKeys() {
    }

    /** Whether an index entry is an article item (and not another kind that happens to carry its attributes). */
    static boolean isArticleItem(Map<String, AttributeValue> item) {
        return item.containsKey(PK) && item.get(PK).s().startsWith(ARTICLE_PREFIX)
                && item.containsKey(SK) && ARTICLE_SK.equals(item.get(SK).s());
    }

    /** The article's id, from its item's key (what the desk index projects in place of {@code id}). */
    static String idOfArticleItem(Map<String, AttributeValue> item) {
        return item.get(PK).s().substring(ARTICLE_PREFIX.length());
    }

    public static Map<String, AttributeValue> articleKey(String id) {
        return Map.of(PK, s(ARTICLE_PREFIX + id), SK, s(ARTICLE_SK));
    }

    static Map<String, AttributeValue> slugKey(String slug) {
        return Map.of(PK, s(SLUG_PREFIX + slug), SK, s(SLUG_SK));
    }

    public static String feedShard(int shard) {
        return FEED_SHARD_PREFIX + shard;
    }

    static String feedShardOf(String id) {
        return feedShard(shardNumberOf(id));
    }

    private static int shardNumberOf(String id) {
        return Math.floorMod(id.hashCode(), FEED_SHARDS);
    }

    /** The change log is sharded like the feed, by a hash of the id: one article's changes stay in one shard, in order. */
    static String changeShard(int shard) {
        return CHANGE_SHARD_PREFIX + shard;
    }

    static String changeShardOf(String id) {
        return changeShard(shardNumberOf(id));
    }

    /**
     * Where a listed article sits in the change log: when it last changed, or when it becomes
     * visible if that is later (a scheduled article enters the log at its publication instant, so a
     * client that synced before then still gets it).
     */
    static FeedKey changeKeyOf(Article article) {
        Instant at = article.feedInstant().isAfter(article.updatedAt()) ? article.feedInstant() : article.updatedAt();
        return new FeedKey(at, article.id());
    }

    /** Authors are grouped case- and space-insensitively: "Ruta  Deshpande" and "ruta deshpande" are one author. */
    static String authorKeyOf(String authorName) {
        return AUTHOR_PREFIX + ArticleQuery.normaliseAuthor(authorName);
    }

    /** The key of any item (its pk and sk): what a batch may hold only once. */
    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(PK, item.get(PK), SK, item.get(SK));
    }

    static Map<String, AttributeValue> idempotencyKey(String key) {
        return Map.of(PK, s(IDEMPOTENCY_PREFIX + key), SK, s("IDEMPOTENCY"));
    }

    /** Zero-padded to the digits of any long, so the sort key orders revisions by version. */
    static Map<String, AttributeValue> revisionKey(String id, long version) {
        return Map.of(PK, s(ARTICLE_PREFIX + id), SK, s(revisionSortKey(version)));
    }

    static String revisionSortKey(long version) {
        return REVISION_PREFIX + String.format(Locale.ROOT, "%019d", version);
    }

    static String articlePartition(String id) {
        return ARTICLE_PREFIX + id;
    }

    static Map<String, AttributeValue> tombstoneKey(String id) {
        return Map.of(PK, s(TOMBSTONE_PREFIX + id), SK, s("TOMBSTONE"));
    }

    static boolean isTombstone(Map<String, AttributeValue> item) {
        return item.get(PK).s().startsWith(TOMBSTONE_PREFIX);
    }

    static String countPartition(CountKind kind) {
        return kind == CountKind.TAG ? TAG_COUNTS : AUTHOR_COUNTS;
    }

    static Map<String, AttributeValue> counterKey(Counter counter) {
        return Map.of(PK, s(countPartition(counter.kind())), SK, s(counter.key()));
    }

    /** The slug a claim item holds, from its key. */
    static String slugOfClaim(Map<String, AttributeValue> item) {
        return item.get(PK).s().substring(SLUG_PREFIX.length());
    }
}

package com.newsapi.store;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.model.Revision;
import com.newsapi.model.RevisionSummary;
import com.newsapi.model.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The one place that knows the table's attribute names; converts articles to items and back. */
final class ArticleItemMapper {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String FEED_SHARD = "feedShard";
    static final String FEED_KEY = "feedKey";
    static final String AUTHOR_KEY = "authorKey";
    static final String FEED_INDEX = "feed";
    static final String AUTHOR_INDEX = "byAuthor";
    /** An article has at most this many tags, each in its own sparse index slot (byTag1…byTag5). */
    public static final int MAX_TAGS = 5;
    static final String TAG_KEY = "tagKey";
    static final String TAG_INDEX = "byTag";
    static final String TAG_PREFIX = "TAG#";
    static final String TERM_PREFIX = "TERM#";
    static final String IDEMPOTENCY_PREFIX = "IDEMPOTENCY#";
    /** Epoch seconds; the table's TTL attribute. */
    static final String EXPIRES_AT = "expiresAt";
    /** Counter items: one per tag and one per author, each kind in its own partition, sorted by key. */
    static final String TAG_COUNTS = "COUNTS#TAG";
    static final String AUTHOR_COUNTS = "COUNTS#AUTHOR";
    /** A counter's number of listed articles (published or scheduled), and the name it shows. */
    static final String ARTICLES = "articles";
    static final String NAME = "name";
    static final String ARTICLE_ID = "articleId";
    static final String VERSION = "version";
    static final String CONTENT_HASH = "contentHash";
    static final String CREATED_AT = "createdAt";
    static final String CHANGES_INDEX = "changes";
    static final String CHANGE_SHARD = "changeShard";
    static final String CHANGE_KEY = "changeKey";
    /** Article attributes that reads outside this class name (desk keys, projections, conditions). */
    static final String ID = "id";
    static final String STATUS = "status";
    static final String UPDATED_AT = "updatedAt";
    static final String PUBLISHED_AT = "publishedAt";
    static final String TAGS = "tags";
    static final String AUTHOR_NAME = "authorName";
    /** The condition of a write that must create its item: no item holds the key yet. */
    static final String KEY_IS_FREE = "attribute_not_exists(" + PK + ")";
    /** A Query's key condition on the table's partition alone ({@code :p}). */
    static final String IN_PARTITION = PK + " = :p";

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
    /** On an article item: the version whose revision is recorded (absent: from before revisions, or loaded). */
    static final String REVISED_VERSION = "revisedVersion";
    static final String SAVED_AT = "savedAt";
    static final String SAVED_BY = "savedBy";
    static final String CHANGED = "changed";
    static final String RESTORED_FROM = "restoredFrom";
    /**
     * A revision's article, nested in one map: a revision item has none of the article's top-level
     * attributes that indexes key on (feedShard, feedKey, authorKey, tagKeyN, changeShard and
     * changeKey, status and updatedAt), so no index ever lists a revision.
     */
    static final String SNAPSHOT = "article";

    /**
     * What the list indexes (feed, byAuthor, byTag1…5) project besides the keys: what a list item
     * shows by default and what a filter checks. Not the body, the author's bio or the source, which
     * a list reads from the articles themselves when {@code fields=} asks for them. template.yaml
     * names the same attributes (SamTemplateTest holds them equal).
     */
    static final List<String> LISTED_ATTRIBUTES = List.of(ID, "slug", "title", "summary", AUTHOR_NAME, PUBLISHED_AT,
            TAGS, STATUS, "excerpt", VERSION, CREATED_AT, UPDATED_AT, "wordCount");

    /**
     * The editors' desk: every article item by its {@code status} (hash) and {@code updatedAt}
     * (range), attributes every article item already has, so the index fills itself from the table.
     * It projects what a desk row shows besides those keys and the table's (the id is read from
     * {@code pk}; not createdAt): nine names, so the table's indexes project exactly DynamoDB's
     * limit of 100 non-key attributes in all (SamTemplateTest holds it).
     */
    static final String DESK_INDEX = "desk";
    static final List<String> DESK_ATTRIBUTES = List.of("slug", "title", "summary", AUTHOR_NAME, PUBLISHED_AT,
            TAGS, "excerpt", VERSION, "wordCount");

    /** Whether an index entry is an article item (and not another kind that happens to carry its attributes). */
    static boolean isArticleItem(Map<String, AttributeValue> item) {
        return item.containsKey(PK) && item.get(PK).s().startsWith(ARTICLE_PREFIX)
                && item.containsKey(SK) && ARTICLE_SK.equals(item.get(SK).s());
    }

    /** The article's id, from its item's key (what the desk index projects in place of {@code id}). */
    static String idOfArticleItem(Map<String, AttributeValue> item) {
        return item.get(PK).s().substring(ARTICLE_PREFIX.length());
    }

    /** An article as the desk index projects it: no body, bio, source or createdAt (null). */
    static Article fromDeskItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> withId = new HashMap<>(item);
        withId.putIfAbsent(ID, s(idOfArticleItem(item)));
        return fromItem(withId);
    }

    /** Whether an item read from an index holds the whole article (an index projecting ALL), not only the listed part. */
    static boolean isWhole(Map<String, AttributeValue> item) {
        return item.containsKey("body");
    }

    /**
     * Published articles are spread over this many feed partitions by a hash of their id. A list
     * page queries each shard and merges; the count is part of the stored data, so changing it
     * needs a re-index.
     */
    static final int FEED_SHARDS = 4;

    private ArticleItemMapper() {
    }

    static Map<String, AttributeValue> articleKey(String id) {
        return Map.of(PK, s(ARTICLE_PREFIX + id), SK, s(ARTICLE_SK));
    }

    static Map<String, AttributeValue> slugKey(String slug) {
        return Map.of(PK, s(SLUG_PREFIX + slug), SK, s(SLUG_SK));
    }

    static Map<String, AttributeValue> slugItem(String slug, String articleId) {
        Map<String, AttributeValue> item = new HashMap<>(slugKey(slug));
        item.put(ARTICLE_ID, s(articleId));
        return item;
    }

    static String feedShard(int shard) {
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

    static Map<String, AttributeValue> toItem(Article article, String contentHash) {
        Map<String, AttributeValue> item = new HashMap<>(articleKey(article.id()));
        item.putAll(articleAttributes(article));
        item.put(CONTENT_HASH, s(contentHash));
        // Index attributes only on listed articles: the indexes are sparse, so drafts never show.
        if (article.status().isListed()) {
            item.put(CHANGE_SHARD, s(changeShardOf(article.id())));
            item.put(CHANGE_KEY, s(changeKeyOf(article).render()));
            item.put(FEED_SHARD, s(feedShardOf(article.id())));
            item.put(FEED_KEY, s(FeedKey.of(article).render()));
            if (article.author() != null) {
                item.put(AUTHOR_KEY, s(authorKeyOf(article.author().name())));
            }
            List<String> tags = distinctTags(article);
            for (int slot = 0; slot < tags.size(); slot++) {
                item.put(TAG_KEY + (slot + 1), s(TAG_PREFIX + tags.get(slot)));
            }
        }
        return item;
    }

    /**
     * As {@link #toItem}, for a write that records the article's revision in the same transaction:
     * the item says so ({@link #REVISED_VERSION}), so the next write knows the version it replaces
     * is kept without reading anything more.
     */
    static Map<String, AttributeValue> toRevisedItem(Article article, String contentHash) {
        Map<String, AttributeValue> item = toItem(article, contentHash);
        item.put(REVISED_VERSION, n(article.version()));
        return item;
    }

    /** Whether the revision of the version this article item holds is recorded. */
    static boolean isRevised(Map<String, AttributeValue> item) {
        return item.containsKey(REVISED_VERSION) && item.get(REVISED_VERSION).n().equals(item.get(VERSION).n());
    }

    /** What an article is, without its key, its loader bookkeeping or its index attributes. */
    private static Map<String, AttributeValue> articleAttributes(Article article) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(article.id()));
        item.put("slug", s(article.slug()));
        item.put("title", s(article.title()));
        putIfPresent(item, "summary", article.summary());
        item.put("body", AttributeValue.fromL(article.body().stream()
                .map(block -> AttributeValue.fromM(Map.of(
                        "type", s(block.type().name().toLowerCase(Locale.ROOT)),
                        "text", s(block.text()))))
                .toList()));
        if (article.author() != null) {
            item.put(AUTHOR_NAME, s(article.author().name()));
            putIfPresent(item, "authorBio", article.author().bio());
        }
        if (article.source() != null) {
            putIfPresent(item, "sourceFile", article.source().file());
            putIfPresent(item, "siteName", article.source().siteName());
        }
        if (article.publishedAt() != null) {
            item.put(PUBLISHED_AT, s(article.publishedAt().toString()));
        }
        item.put(TAGS, AttributeValue.fromL(article.tags().stream().map(ArticleItemMapper::s).toList()));
        item.put(STATUS, s(article.status().wireName()));
        item.put("excerpt", AttributeValue.fromBool(article.excerpt()));
        item.put(VERSION, n(article.version()));
        item.put(CREATED_AT, s(article.createdAt().toString()));
        item.put(UPDATED_AT, s(article.updatedAt().toString()));
        item.put("wordCount", n(article.wordCount()));
        return item;
    }

    /** The article's tags normalised and de-duplicated, at most {@link #MAX_TAGS}. */
    static List<String> distinctTags(Article article) {
        return distinctTags(article.tags());
    }

    static List<String> distinctTags(List<String> tags) {
        return tags.stream().map(ArticleQuery::normaliseTag).distinct().limit(MAX_TAGS).toList();
    }

    /**
     * Search postings: one item per term, keyed by the article's feed position, carrying the article
     * version it was written for (a clean-up deletes a posting only while it is not newer than the
     * version that clean-up supersedes).
     */
    static Map<String, AttributeValue> termPosting(String term, FeedKey key, long version) {
        return Map.of(PK, s(TERM_PREFIX + term), SK, s(key.render()), ARTICLE_ID, s(key.id()), VERSION, n(version));
    }

    /** The key of a posting item. */
    static Map<String, AttributeValue> postingKey(Map<String, AttributeValue> posting) {
        return Map.of(PK, posting.get(PK), SK, posting.get(SK));
    }

    static Map<String, AttributeValue> idempotencyKey(String key) {
        return Map.of(PK, s(IDEMPOTENCY_PREFIX + key), SK, s("IDEMPOTENCY"));
    }

    static Map<String, AttributeValue> idempotencyItem(IdempotencyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(idempotencyKey(record.key()));
        item.put("requestHash", s(record.requestHash()));
        item.put(ARTICLE_ID, s(record.articleId()));
        item.put("responseBody", s(record.responseBody()));
        item.put("etag", s(record.etag()));
        item.put(EXPIRES_AT, n(record.expiresAt().getEpochSecond()));
        return item;
    }

    static IdempotencyRecord idempotencyFromItem(Map<String, AttributeValue> item) {
        return new IdempotencyRecord(item.get(PK).s().substring(IDEMPOTENCY_PREFIX.length()), string(item, "requestHash"),
                string(item, ARTICLE_ID), string(item, "responseBody"), string(item, "etag"),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())));
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

    static Map<String, AttributeValue> revisionItem(String id, Revision revision) {
        Map<String, AttributeValue> item = new HashMap<>(revisionKey(id, revision.version()));
        item.put(VERSION, n(revision.version()));
        item.put(SAVED_AT, s(revision.savedAt().toString()));
        revision.savedBy().ifPresent(name -> item.put(SAVED_BY, s(name)));
        item.put(CHANGED, AttributeValue.fromL(revision.changed().stream().map(ArticleItemMapper::s).toList()));
        revision.restoredFrom().ifPresent(version -> item.put(RESTORED_FROM, n(version)));
        item.put(SNAPSHOT, AttributeValue.fromM(articleAttributes(revision.article())));
        return item;
    }

    /**
     * What a list of revisions reads of each: all but the article, of which only its status. Every
     * name through a placeholder, so none can collide with DynamoDB's reserved words.
     */
    static final String REVISION_SUMMARY = "#version, #savedAt, #savedBy, #changed, #restoredFrom, #article.#status";
    static final Map<String, String> REVISION_SUMMARY_NAMES = Map.of("#version", VERSION, "#savedAt", SAVED_AT,
            "#savedBy", SAVED_BY, "#changed", CHANGED, "#restoredFrom", RESTORED_FROM, "#article", SNAPSHOT, "#status", STATUS);

    /** A revision as read whole. */
    static Revision revisionFromItem(Map<String, AttributeValue> item) {
        RevisionSummary header = revisionSummaryFromItem(item);
        return new Revision(header.version(), header.savedAt(), header.savedBy(), header.changed(), header.restoredFrom(),
                fromItem(item.get(SNAPSHOT).m()));
    }

    /** A revision as a list reads it ({@link #REVISION_SUMMARY}): its article's status, no content. */
    static RevisionSummary revisionSummaryFromItem(Map<String, AttributeValue> item) {
        return new RevisionSummary(Long.parseLong(item.get(VERSION).n()), Instant.parse(string(item, SAVED_AT)),
                Optional.ofNullable(string(item, SAVED_BY)),
                item.get(CHANGED).l().stream().map(AttributeValue::s).toList(),
                item.containsKey(RESTORED_FROM) ? OptionalLong.of(Long.parseLong(item.get(RESTORED_FROM).n())) : OptionalLong.empty(),
                ArticleStatus.fromWireName(item.get(SNAPSHOT).m().get(STATUS).s()));
    }

    static Map<String, AttributeValue> tombstoneKey(String id) {
        return Map.of(PK, s(TOMBSTONE_PREFIX + id), SK, s("TOMBSTONE"));
    }

    /** A deleted or unpublished article's entry in the change log, kept for {@link Tombstone#RETENTION}. */
    static Map<String, AttributeValue> tombstoneItem(Tombstone tombstone) {
        Map<String, AttributeValue> item = new HashMap<>(tombstoneKey(tombstone.id()));
        item.put(ID, s(tombstone.id()));
        item.put("deletedAt", s(tombstone.at().toString()));
        item.put(CHANGE_SHARD, s(changeShardOf(tombstone.id())));
        item.put(CHANGE_KEY, s(new FeedKey(tombstone.at(), tombstone.id()).render()));
        item.put(EXPIRES_AT, n(tombstone.at().plus(Tombstone.RETENTION).getEpochSecond()));
        return item;
    }

    static boolean isTombstone(Map<String, AttributeValue> item) {
        return item.get(PK).s().startsWith(TOMBSTONE_PREFIX);
    }

    static Tombstone tombstoneFromItem(Map<String, AttributeValue> item) {
        return new Tombstone(string(item, ID), Instant.parse(string(item, "deletedAt")));
    }

    /** What groups an author's spellings ("Ruta  Deshpande", "ruta deshpande"): the counter's key. */
    static String authorNameKey(String authorName) {
        return ArticleQuery.normaliseAuthor(authorName);
    }

    static String authorDisplayName(String authorName) {
        return authorName.strip().replaceAll("\\s+", " ");
    }

    static String countPartition(CountKind kind) {
        return kind == CountKind.TAG ? TAG_COUNTS : AUTHOR_COUNTS;
    }

    static Map<String, AttributeValue> counterKey(Counter counter) {
        return Map.of(PK, s(countPartition(counter.kind())), SK, s(counter.key()));
    }

    /**
     * Adds {@code delta} to a counter, creating it at zero if missing. A rise also names it, if it
     * has no name yet (an author's first spelling stays until the counter is removed).
     */
    static Update counterUpdate(String table, Counter counter, long delta, String name) {
        Update.Builder update = Update.builder().tableName(table).key(counterKey(counter));
        if (delta > 0) {
            return update.updateExpression("ADD #articles :delta SET #name = if_not_exists(#name, :name)")
                    .expressionAttributeNames(Map.of("#articles", ARTICLES, "#name", NAME))
                    .expressionAttributeValues(Map.of(":delta", n(delta), ":name", s(name)))
                    .build();
        }
        return update.updateExpression("ADD #articles :delta")
                .expressionAttributeNames(Map.of("#articles", ARTICLES))
                .expressionAttributeValues(Map.of(":delta", n(delta)))
                .build();
    }

    /** A counter item as read: its key, its name and how many listed articles it counts. */
    static Count countFromItem(Map<String, AttributeValue> item, long notYetVisible) {
        String key = item.get(SK).s();
        String name = item.containsKey(NAME) ? item.get(NAME).s() : key;
        long articles = item.containsKey(ARTICLES) ? Long.parseLong(item.get(ARTICLES).n()) : 0;
        return new Count(name, articles - notYetVisible);
    }

    static Article fromItem(Map<String, AttributeValue> item) {
        String authorName = string(item, AUTHOR_NAME);
        String sourceFile = string(item, "sourceFile");
        String siteName = string(item, "siteName");
        String publishedAt = string(item, PUBLISHED_AT);
        return new Article(
                idOf(item),
                string(item, "slug"),
                string(item, "title"),
                string(item, "summary"),
                blocks(item.get("body")),
                authorName == null ? null : new Author(authorName, string(item, "authorBio")),
                sourceFile == null && siteName == null ? null : new Source(sourceFile, siteName),
                publishedAt == null ? null : Instant.parse(publishedAt),
                tagsOf(item),
                ArticleStatus.fromWireName(string(item, STATUS)),
                item.containsKey("excerpt") && Boolean.TRUE.equals(item.get("excerpt").bool()),
                Long.parseLong(item.get(VERSION).n()),
                item.containsKey(CREATED_AT) ? Instant.parse(string(item, CREATED_AT)) : null, // absent from the desk index
                Instant.parse(string(item, UPDATED_AT)),
                Integer.parseInt(item.get("wordCount").n()));
    }

    /** An article item's id (its {@code id} attribute, which every read but the desk index's has). */
    static String idOf(Map<String, AttributeValue> item) {
        return string(item, ID);
    }

    private static List<String> tagsOf(Map<String, AttributeValue> item) {
        return item.containsKey(TAGS) ? item.get(TAGS).l().stream().map(AttributeValue::s).toList() : List.of();
    }

    /**
     * The counters an article item contributes to, read from its tags and author's name (what
     * {@link #CONTRIBUTION} projects besides a key), as {@link CounterDeltas#contribution} says.
     */
    static Map<Counter, String> contributionOf(Map<String, AttributeValue> item, boolean listed) {
        return CounterDeltas.contribution(listed, tagsOf(item), string(item, AUTHOR_NAME));
    }

    /** What a counter reads of an article item besides its keys: {@link #contributionOf} needs no more. */
    static final String CONTRIBUTION = TAGS + ", " + AUTHOR_NAME;

    /** What the loader reads of a stored article to decide what to rewrite ({@link #storedVersionFromItem}). */
    static final String STORED_VERSION = String.join(", ", ID, "#version", CREATED_AT, CONTENT_HASH, PUBLISHED_AT, FEED_KEY,
            FEED_SHARD, CONTRIBUTION);

    static StoredVersion storedVersionFromItem(Map<String, AttributeValue> item) {
        String publishedAt = string(item, PUBLISHED_AT);
        String feedKey = string(item, FEED_KEY);
        return new StoredVersion(
                Long.parseLong(item.get(VERSION).n()),
                Instant.parse(item.get(CREATED_AT).s()),
                item.containsKey(CONTENT_HASH) ? item.get(CONTENT_HASH).s() : "",
                publishedAt == null ? null : Instant.parse(publishedAt),
                feedKey == null ? null : FeedKey.parse(feedKey),
                // Only listed articles carry the feed's partition key (the indexes are sparse).
                contributionOf(item, item.containsKey(FEED_SHARD)).keySet());
    }

    /** What a read of slug claims projects: the claim's key and its article. */
    static final String SLUG_CLAIM = PK + ", " + ARTICLE_ID;

    /** The slug a claim item holds, from its key. */
    static String slugOfClaim(Map<String, AttributeValue> item) {
        return item.get(PK).s().substring(SLUG_PREFIX.length());
    }

    private static List<Block> blocks(AttributeValue body) {
        if (body == null) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>(body.l().size());
        for (AttributeValue value : body.l()) {
            Map<String, AttributeValue> block = value.m();
            Block.Type type = Block.Type.valueOf(block.get("type").s().toUpperCase(Locale.ROOT));
            blocks.add(new Block(type, block.get("text").s()));
        }
        return blocks;
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package com.newsapi.store;

import static com.newsapi.store.TableKeys.AUTHOR_KEY;
import static com.newsapi.store.TableKeys.CHANGE_KEY;
import static com.newsapi.store.TableKeys.CHANGE_SHARD;
import static com.newsapi.store.TableKeys.FEED_KEY;
import static com.newsapi.store.TableKeys.FEED_SHARD;
import static com.newsapi.store.TableKeys.IDEMPOTENCY_PREFIX;
import static com.newsapi.store.TableKeys.MAX_TAGS;
import static com.newsapi.store.TableKeys.PK;
import static com.newsapi.store.TableKeys.SK;
import static com.newsapi.store.TableKeys.TAG_KEY;
import static com.newsapi.store.TableKeys.TAG_PREFIX;
import static com.newsapi.store.TableKeys.TERM_PREFIX;
import static com.newsapi.store.TableKeys.articleKey;
import static com.newsapi.store.TableKeys.authorKeyOf;
import static com.newsapi.store.TableKeys.changeKeyOf;
import static com.newsapi.store.TableKeys.changeShardOf;
import static com.newsapi.store.TableKeys.counterKey;
import static com.newsapi.store.TableKeys.feedShardOf;
import static com.newsapi.store.TableKeys.idOfArticleItem;
import static com.newsapi.store.TableKeys.idempotencyKey;
import static com.newsapi.store.TableKeys.revisionKey;
import static com.newsapi.store.TableKeys.slugKey;
import static com.newsapi.store.TableKeys.tombstoneKey;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.model.Count;
import com.newsapi.model.FeedKey;
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

/**
 * The one place that knows the table's attribute names (with {@link TableKeys}, its key design):
 * converts articles, revisions, tombstones, counters and idempotency records to items and back.
 */
final class ArticleItemMapper {

    /** Epoch seconds; the table's TTL attribute. */
    static final String EXPIRES_AT = "expiresAt";
    /** A counter's number of listed articles (published or scheduled), and the name it shows. */
    static final String ARTICLES = "articles";
    static final String NAME = "name";
    static final String ARTICLE_ID = "articleId";
    static final String VERSION = "version";
    static final String CONTENT_HASH = "contentHash";
    static final String CREATED_AT = "createdAt";
    /** Article attributes that reads outside this class name (desk keys, projections, conditions). */
    static final String ID = "id";
    static final String STATUS = "status";
    static final String UPDATED_AT = "updatedAt";
    static final String PUBLISHED_AT = "publishedAt";
    static final String TAGS = "tags";
    static final String AUTHOR_NAME = "authorName";

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
     * What the editors' desk index ({@link TableKeys#DESK_INDEX}: every article item by its
     * {@code status} (hash) and {@code updatedAt} (range), attributes every article item already has,
     * so the index fills itself from the table) projects besides those keys and the table's (the id
     * is read from {@code pk}; not createdAt): nine names, so the table's indexes project exactly
     * DynamoDB's limit of 100 non-key attributes in all (SamTemplateTest holds it).
     */
    static final List<String> DESK_ATTRIBUTES = List.of("slug", "title", "summary", AUTHOR_NAME, PUBLISHED_AT,
            TAGS, "excerpt", VERSION, "wordCount");

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

    private ArticleItemMapper() {
    }

    static Map<String, AttributeValue> slugItem(String slug, String articleId) {
        Map<String, AttributeValue> item = new HashMap<>(slugKey(slug));
        item.put(ARTICLE_ID, s(articleId));
        return item;
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

    /** The article's tags normalised and de-duplicated, at most {@link TableKeys#MAX_TAGS}. */
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

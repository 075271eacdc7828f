package com.newsapi.store;

import com.newsapi.error.ApiException;
import com.newsapi.error.VersionConflict;
import com.newsapi.model.Article;
import com.newsapi.model.FeedKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The seed loader's access to the table: what is stored of the articles and slugs it is about to
 * write, and its writes, in bulk, never over an article changed since it read it. Articles written
 * through the API go through {@link ArticleStore}.
 */
public final class SeedWrites {

    /**
     * A transaction holds at most 100 items and 4 MB: ten articles (at most 400 KB each) with their
     * slug claims and at most six counters each stay within both.
     */
    static final int ARTICLES_PER_TRANSACTION = 10;

    private final String table;
    private final Batches batches;
    private final Transactions transactions;
    private final IndexMaintenance index;
    private final SlugClaims slugClaims;

    public SeedWrites(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.table = table;
        this.batches = new Batches(dynamo, table, backoff);
        this.transactions = new Transactions(dynamo, backoff);
        this.index = new IndexMaintenance(dynamo, table, batches);
        this.slugClaims = new SlugClaims(batches);
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
        return slugClaims.owners(slugs);
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
     * ({@link IndexMaintenance#removeStalePostings}): conditionally, so a posting an editor's later version needs stays.
     *
     * @return how many articles were written
     */
    public int putAll(List<Article> articles, Map<String, String> contentHashes, Map<String, StoredVersion> previous) {
        List<Map<String, AttributeValue>> replaced = batches.get(articles.stream().filter(article -> previous.containsKey(article.id()))
                .map(article -> TableKeys.articleKey(article.id())).toList(), null);
        List<WriteRequest> indexWrites = new ArrayList<>();
        for (Article article : articles) {
            indexWrites.addAll(IndexMaintenance.postings(article).stream().map(Batches::put).toList());
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
            index.removeStalePostings(stale, storedKey == null ? FeedKey.of(stale) : FeedKey.parse(storedKey),
                    Optional.of(byId.get(stale.id())));
        }
        return written;
    }

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
                put.conditionExpression(TableKeys.AT_VERSION).expressionAttributeNames(TableKeys.VERSION_NAME)
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
            transactions.writeRetryingConflicts(writes);
        } catch (TransactionCanceledException e) {
            ApiException failure = Transactions.conflictOrUnavailable(e);
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
        index.removeEmptyCounters(counted.lowered());
        return group.size();
    }
}

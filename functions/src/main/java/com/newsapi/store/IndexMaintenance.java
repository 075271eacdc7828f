package com.newsapi.store;

import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.model.Article;
import com.newsapi.model.FeedKey;
import com.newsapi.search.Terms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The items kept beside an article's transaction, outside it: its search postings, written before
 * it, and after it the postings it no longer has and the tag and author counters it left at zero.
 * Readers check postings against the article and skip counters at zero, so one of these writes
 * missed (a crash between them) is harmless.
 */
final class IndexMaintenance {

    /**
     * A writer for {@code :version} may replace or remove a posting only while it is not newer
     * (absent, or written before postings carried a version, counts as older).
     */
    private static final String NOT_NEWER_THAN = "attribute_not_exists(#version) OR #version <= :version";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Batches batches;

    IndexMaintenance(DynamoDbClient dynamo, String table, Batches batches) {
        this.dynamo = dynamo;
        this.table = table;
        this.batches = batches;
    }

    /**
     * Before the article is written: its postings, each put only over one not newer, so a writer whose
     * change then loses its version check never lowers a posting a later version wrote.
     */
    void writePostings(Article article) {
        batches.putWhere(postings(article), NOT_NEWER_THAN, TableKeys.VERSION_NAME, Map.of(":version", ArticleItemMapper.n(article.version())));
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
    void removeStalePostings(Article previous, FeedKey previousKey, Optional<Article> current) {
        Set<Map<String, AttributeValue>> keep = current.map(article -> postingKeys(article, FeedKey.of(article))).orElse(Set.of());
        List<Map<String, AttributeValue>> stale = postingKeys(previous, previousKey).stream().filter(key -> !keep.contains(key)).toList();
        try {
            batches.deleteWhere(stale, NOT_NEWER_THAN, TableKeys.VERSION_NAME, Map.of(":version", ArticleItemMapper.n(previous.version())));
        } catch (RuntimeException e) {
            // The change itself is committed; stale postings are only extra candidates for readers.
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
        return Terms.of(article.passages()).stream()
                .map(term -> ArticleItemMapper.termPosting(term, key, article.version())).toList();
    }

    private static Set<Map<String, AttributeValue>> postingKeys(Article article, FeedKey key) {
        return postings(article, key).stream().map(TableKeys::keyOf).collect(Collectors.toSet());
    }

    /**
     * Best effort, after a write that lowered these counters: removes those now at zero, so a
     * name no article carries any more stops costing readers. The condition makes it safe against a
     * concurrent write raising it again; one left behind (a crash here) is skipped by readers.
     */
    void removeEmptyCounters(List<Counter> lowered) {
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

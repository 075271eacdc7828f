package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Block;
import com.newsapi.model.Revision;
import com.newsapi.testing.Articles;
import com.newsapi.testing.ReadUnits;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * What keeping revisions costs a write, in write units by DynamoDB's rules (a unit per started KB of
 * each item written, or of the item a delete removes; twice that inside a transaction), counted
 * from the transactions the store sent and the items in the engine. README ("Revisions") quotes the
 * figures this prints.
 */
class RevisionCostTest {

    private static final Backoff NO_WAIT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 12, duration -> { });
    private static final int KB = 1024;

    private final List<TransactWriteItemsRequest> sent = new CopyOnWriteArrayList<>();
    private final DynamoDbClient dynamo = TestDatabase.client(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest transaction) {
                sent.add(transaction);
            }
        }
    });
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, NO_WAIT);
    private final SeedWrites seeds = new SeedWrites(dynamo, table, NO_WAIT);

    @Test
    void anEditOfANewsSizedArticle_writesItsRevisionBeside_andRemovesTheOneThatFallsOut() {
        Article current = IndexProjectionsTest.generated().getFirst();
        store.create(Revision.of(null, current, Optional.of("ann@example.com"), OptionalLong.empty()), Optional.empty());
        for (int i = 0; i < Revision.KEPT; i++) {
            current = edit(current, "Edit " + i + ".");
        }
        long fallingOut = size(TableKeys.revisionKey(current.id(), current.version() + 1 - Revision.KEPT));
        sent.clear();

        Article edited = edit(current, "One more edit.");

        TransactWriteItemsRequest transaction = sent.getLast();
        long articleBytes = size(TableKeys.articleKey(edited.id()));
        long revisionBytes = size(TableKeys.revisionKey(edited.id(), edited.version()));
        long units = 0;
        for (TransactWriteItem item : transaction.transactItems()) {
            if (item.put() != null) {
                units += 2 * kilobytes(ReadUnits.itemSize(item.put().item()));
            } else if (item.delete() != null) {
                units += 2 * kilobytes(fallingOut);
            } else {
                units += 2; // a counter's Update: a few bytes
            }
        }
        long withoutRevisions = kilobytes(articleBytes); // before: one conditional PutItem, counters unmoved
        System.out.printf("revision cost: article item %d B, revision item %d B; an edit wrote %d items for %d write units,"
                        + " %d without revisions (%.1fx)%n", articleBytes, revisionBytes, transaction.transactItems().size(), units,
                withoutRevisions, (double) units / withoutRevisions);

        assertThat(transaction.transactItems()).hasSize(3); // the article, its revision, the revision past the last 20
        assertThat(revisionBytes).as("a revision is its article, nested, and a small header").isBetween(articleBytes - 400, articleBytes + 200);
        assertThat(units).isEqualTo(2 * kilobytes(articleBytes) + 2 * kilobytes(revisionBytes) + 2 * kilobytes(fallingOut));
    }

    @Test
    void theLargestArticleTheApiAccepts_andItsRevisions_fitAnItemAndATransaction() {
        // The API takes bodies of at most 128 KB of JSON (RequestBodies.MAX_BODY_BYTES): about that much text.
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            blocks.add(Block.paragraph("x".repeat(18_000)));
        }
        Instant created = IndexProjectionsTest.generated().getFirst().createdAt();
        Article large = Articles.titled("Large").id("0123456789abcdef").slug("large").summary("s".repeat(500)).body(blocks)
                .author(new com.newsapi.model.Author("A", "b".repeat(2_000))).source(null).tags(List.of("a", "b", "c", "d", "e"))
                .status(ArticleStatus.DRAFT).createdAt(created).updatedAt(created).wordCount(Block.wordCount(blocks)).build();
        seeds.putAll(List.of(large), Map.of(large.id(), "seed:story:x")); // loaded: its first edit records version 1 too
        sent.clear();

        Article edited = edit(large, "Edited.");

        long transactionBytes = sent.getLast().transactItems().stream()
                .mapToLong(item -> item.put() != null ? ReadUnits.itemSize(item.put().item()) : 100).sum();
        assertThat(sent.getLast().transactItems()).hasSize(3); // the article, its revision, version 1's revision
        assertThat(size(TableKeys.revisionKey(edited.id(), 1))).isLessThan(400 * KB);
        assertThat(transactionBytes).isLessThan(4L * KB * KB);
    }

    private Article edit(Article previous, String summary) {
        Article next = Articles.from(previous).summary(summary).excerpt(false).version(previous.version() + 1)
                .updatedAt(previous.updatedAt().plusSeconds(60)).build();
        store.replace(store.findStored(previous.id()).orElseThrow(), Revision.of(previous, next, Optional.of("ann@example.com"),
                OptionalLong.empty()));
        return next;
    }

    private long size(Map<String, AttributeValue> key) {
        return ReadUnits.itemSize(dynamo.getItem(get -> get.tableName(table).key(key).consistentRead(true)).item());
    }

    private static long kilobytes(long bytes) {
        return (bytes + KB - 1) / KB;
    }
}

package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.error.VersionConflict;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.CountKind;
import com.newsapi.model.Revision;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The store's conditional create, replace and delete, at the store seam against the local engine:
 * each either writes all of its items or, when its condition fails, none of them. The assertions read
 * the table back, item by item, rather than the requests the store sent.
 */
class ConditionalWritesTest {

    private static final Backoff NO_WAIT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 12, duration -> { });
    private static final Instant CREATED = Instant.parse("2026-11-23T08:00:00Z");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, NO_WAIT);

    @Test
    void create_writesTheArticle_itsSlugClaim_itsFirstRevision_andItsCounters() {
        Article article = Articles.published("Rivers rise in the north", CREATED);

        create(article);

        assertThat(store.findById(article.id())).contains(article);
        assertThat(store.findBySlug(article.slug())).contains(article);
        assertThat(store.findRevision(article.id(), 1)).map(Revision::article).contains(article);
        assertThat(tagCounts()).containsExactly("testing=1");
    }

    @Test
    void create_overASlugHeldByAnotherArticle_failsWithSlugTaken_andWritesNoneOfItsItems() {
        Article first = Articles.published("Rivers rise in the north", CREATED);
        create(first);
        Article second = withId(version(first, 1, "Another story under the same slug.", List.of("weather")), "0123456789abcdef");
        Map<String, Map<String, AttributeValue>> before = itemsOtherThanPostings();

        assertThatThrownBy(() -> create(second)).isInstanceOf(SlugTaken.class);

        assertThat(itemsOtherThanPostings()).as("the article, its slug claim, revision and counters: none written")
                .isEqualTo(before);
        assertThat(store.findById(second.id())).isEmpty();
        assertThat(store.findBySlug(first.slug())).as("the slug still names the first article").contains(first);
    }

    @Test
    void replace_atTheStoredVersion_writesTheNewVersion_andItsRevision() {
        Article v1 = Articles.published("Rivers rise in the north", CREATED);
        create(v1);
        Article v2 = version(v1, 2, "The water is still rising.", List.of("weather"));

        store.replace(new StoredArticle(v1, true), revision(v1, v2));

        assertThat(store.findById(v1.id())).contains(v2);
        assertThat(store.findRevision(v1.id(), 2)).map(Revision::article).contains(v2);
        assertThat(tagCounts()).containsExactly("weather=1");
    }

    @Test
    void replace_atAStaleVersion_failsWithVersionConflict_andWritesNoneOfItsItems() {
        Article v1 = Articles.published("Rivers rise in the north", CREATED);
        Article v2 = createdThenReplaced(v1);
        Article lostUpdate = version(v1, 2, "An edit based on version 1.", List.of("floods"));
        Map<String, Map<String, AttributeValue>> before = itemsOtherThanPostings();

        assertThatThrownBy(() -> store.replace(new StoredArticle(v1, true), revision(v1, lostUpdate)))
                .isInstanceOf(VersionConflict.class);

        assertThat(itemsOtherThanPostings()).as("no article, revision or counter of the stale edit").isEqualTo(before);
        assertThat(store.findById(v1.id())).contains(v2);
    }

    @Test
    void delete_atTheStoredVersion_removesTheArticle_itsSlug_andItsRevisions_andLeavesATombstone() {
        Article v1 = Articles.published("Rivers rise in the north", CREATED);
        Article v2 = createdThenReplaced(v1);

        store.delete(v2, CREATED.plus(Duration.ofHours(1)));

        assertThat(store.findById(v1.id())).isEmpty();
        assertThat(store.findBySlug(v1.slug())).isEmpty();
        assertThat(store.findRevision(v1.id(), 1)).isEmpty();
        assertThat(store.findRevision(v1.id(), 2)).isEmpty();
        assertThat(itemsOtherThanPostings().keySet()).as("a listed article leaves only its tombstone in the change log")
                .singleElement().asString().startsWith("TOMBSTONE#" + v1.id());
    }

    @Test
    void delete_atAStaleVersion_failsWithVersionConflict_andKeepsEveryItem() {
        Article v1 = Articles.published("Rivers rise in the north", CREATED);
        Article v2 = createdThenReplaced(v1);
        Map<String, Map<String, AttributeValue>> before = allItems();

        assertThatThrownBy(() -> store.delete(v1, CREATED.plus(Duration.ofHours(1)))).isInstanceOf(VersionConflict.class);

        assertThat(allItems()).as("article, slug, revisions, counters and postings all kept, no tombstone").isEqualTo(before);
    }

    /** {@code v1} created, then replaced by its version 2 (same tag, new text), which it returns. */
    private Article createdThenReplaced(Article v1) {
        create(v1);
        Article v2 = version(v1, 2, "The water is still rising.", List.of("testing"));
        store.replace(new StoredArticle(v1, true), revision(v1, v2));
        return v2;
    }

    /** Every tag counter as "tag=articles". */
    private List<String> tagCounts() {
        return store.counts(CountKind.TAG, Optional.empty(), 10, CREATED).items().stream()
                .map(count -> count.name() + "=" + count.articles()).toList();
    }

    private void create(Article article) {
        store.create(Revision.of(null, article, Optional.of("ann"), OptionalLong.empty()), Optional.empty());
    }

    private static Revision revision(Article previous, Article next) {
        return Revision.of(previous, next, Optional.of("bo"), OptionalLong.empty());
    }

    private static Article version(Article a, long version, String text, List<String> tags) {
        return Articles.from(a).paragraph(text).tags(tags).status(ArticleStatus.PUBLISHED).excerpt(false).version(version)
                .updatedAt(a.updatedAt().plusSeconds(version)).wordCount(5).build();
    }

    private static Article withId(Article a, String id) {
        return Articles.from(a).id(id).excerpt(false).build();
    }

    /**
     * Every item of the table by "pk|sk". Reading the whole table is a test's privilege: the store
     * itself never scans.
     */
    private Map<String, Map<String, AttributeValue>> allItems() {
        return dynamo.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items().stream()
                .collect(Collectors.toMap(item -> item.get("pk").s() + "|" + item.get("sk").s(), item -> item, (a, b) -> a, HashMap::new));
    }

    /**
     * As {@link #allItems()} without search postings: a create or replace writes its postings before
     * its transaction, on purpose (readers check a posting against its article, so one left by a failed
     * write is harmless), so they are not part of what the condition guards.
     */
    private Map<String, Map<String, AttributeValue>> itemsOtherThanPostings() {
        Map<String, Map<String, AttributeValue>> items = allItems();
        items.keySet().removeIf(key -> key.startsWith("TERM#"));
        return items;
    }
}

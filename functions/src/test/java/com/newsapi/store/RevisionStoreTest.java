package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.error.VersionConflict;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Revision;
import com.newsapi.model.RevisionPage;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Revisions as the store keeps them: one per write, in the write's transaction, the last 20, gone with the article. */
class RevisionStoreTest {

    private static final Backoff NO_WAIT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 12, duration -> { });
    private static final Instant CREATED = Instant.parse("2026-11-23T08:00:00Z");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, NO_WAIT);
    private final SeedWrites seeds = new SeedWrites(dynamo, table, NO_WAIT);

    @Test
    void create_andEachReplace_recordTheRevisionOfTheVersionTheyMake_inTheArticlesPartition() {
        Article first = Articles.article("Rivers rise", null, ArticleStatus.DRAFT);
        create(first, "ann@example.com");
        Article second = edit(first, "Rivers rise higher", ArticleStatus.PUBLISHED);

        replace(first, second, "bo@example.com");

        assertThat(revisionItems(first.id())).extracting(item -> item.get("sk").s())
                .containsExactly("REVISION#0000000000000000001", "REVISION#0000000000000000002");
        Revision kept = store.findRevision(first.id(), 2).orElseThrow();
        assertThat(kept.article()).isEqualTo(second);
        assertThat(kept.savedBy()).contains("bo@example.com");
        assertThat(kept.savedAt()).isEqualTo(second.updatedAt());
        assertThat(kept.changed()).containsExactly("title", "status", "publishedAt");
        assertThat(store.findRevision(first.id(), 1).orElseThrow().changed())
                .containsExactly("title", "summary", "body", "author", "tags", "status");
    }

    @Test
    void aRevisionItem_hasNoneOfTheAttributesAnIndexKeysOn() {
        Article published = Articles.published("Listed story", CREATED);
        Article draft = Articles.article("Listed story", null, ArticleStatus.DRAFT);
        create(draft, "ann");
        Article listed = Articles.from(draft).publishedAt(published.publishedAt()).tags(List.of("a", "b", "c", "d", "e"))
                .status(ArticleStatus.PUBLISHED).excerpt(false).version(2).updatedAt(CREATED.plusSeconds(60)).build();

        replace(draft, listed, "ann");

        Map<String, AttributeValue> item = revisionItems(draft.id()).getLast();
        assertThat(item).doesNotContainKeys("feedShard", "feedKey", "authorKey", "tagKey1", "tagKey2", "tagKey3", "tagKey4", "tagKey5",
                "changeShard", "changeKey", "status", "updatedAt", "id", "slug");
        assertThat(item.get("article").m()).containsKeys("status", "updatedAt", "title", "body");
    }

    @Test
    void replacingALoadedArticle_recordsTheReplacedVersionOnce_unknownWhoAndWhat() {
        Article loaded = Articles.published("Seeded story", CREATED);
        seeds.putAll(List.of(loaded), Map.of(loaded.id(), "seed:story:x"));
        Article second = edit(loaded, "Seeded story, edited", ArticleStatus.PUBLISHED);

        replace(loaded, second, "ann");

        Revision late = store.findRevision(loaded.id(), 1).orElseThrow();
        assertThat(late.article()).isEqualTo(loaded);
        assertThat(late.savedBy()).isEmpty();
        assertThat(late.changed()).isEmpty();
        assertThat(late.savedAt()).isEqualTo(loaded.updatedAt());
        Article third = edit(second, "Seeded story, edited again", ArticleStatus.PUBLISHED);

        replace(second, third, "bo");

        Revision kept = store.findRevision(loaded.id(), 2).orElseThrow();
        assertThat(kept.savedBy()).as("version 2 is kept already: not recorded again, late").contains("ann");
        assertThat(kept.changed()).containsExactly("title");
        assertThat(store.findRevision(loaded.id(), 1)).contains(late);
        assertThat(revisionItems(loaded.id())).hasSize(3);
    }

    @Test
    void theReplacedVersionsRevision_isKnownToBeKept_fromTheArticleItemAlone() {
        Article loaded = Articles.published("Seeded", CREATED);
        seeds.putAll(List.of(loaded), Map.of(loaded.id(), "seed:story:x"));
        assertThat(store.findStored(loaded.id()).orElseThrow().revised()).isFalse();
        Article second = edit(loaded, "Seeded, edited", ArticleStatus.PUBLISHED);

        replace(loaded, second, "ann");

        assertThat(store.findStored(loaded.id()).orElseThrow().revised()).isTrue();
    }

    @Test
    void anArticle_keepsItsLast20Revisions() {
        Article current = Articles.article("Busy story", null, ArticleStatus.DRAFT);
        create(current, "ann");
        for (int i = 2; i <= 25; i++) {
            Article next = edit(current, "Busy story " + i, ArticleStatus.DRAFT);
            replace(current, next, "ann");
            current = next;
        }

        assertThat(revisionItems(current.id())).extracting(item -> Long.parseLong(item.get("version").n()))
                .containsExactlyElementsOf(LongStream.rangeClosed(6, 25).boxed().toList());
        assertThat(store.findRevision(current.id(), 5)).isEmpty();
    }

    @Test
    void delete_removesEveryRevision_withTheArticle() {
        Article loaded = Articles.published("Short lived", CREATED);
        seeds.putAll(List.of(loaded), Map.of(loaded.id(), "seed:story:x"));
        Article second = edit(loaded, "Short lived, edited", ArticleStatus.PUBLISHED);
        replace(loaded, second, "ann");
        Article third = edit(second, "Short lived, unpublished", ArticleStatus.DRAFT);
        replace(second, third, "ann");
        assertThat(revisionItems(loaded.id())).hasSize(3);

        store.delete(third, CREATED.plusSeconds(600));

        assertThat(revisionItems(loaded.id())).isEmpty();
        assertThat(store.findById(loaded.id())).isEmpty();
    }

    @Test
    void aStaleWrite_failsWhole_andRecordsNoRevision() {
        Article first = Articles.article("Contested", null, ArticleStatus.DRAFT);
        create(first, "ann");
        Article winner = edit(first, "Contested: Ann's title", ArticleStatus.DRAFT);
        Article loser = edit(first, "Contested: Bo's title", ArticleStatus.DRAFT);
        replace(first, winner, "ann");

        assertThatThrownBy(() -> replace(first, loser, "bo"))
                .isInstanceOf(VersionConflict.class);

        Revision kept = store.findRevision(first.id(), 2).orElseThrow();
        assertThat(kept.article().title()).isEqualTo("Contested: Ann's title");
        assertThat(kept.savedBy()).contains("ann");
        assertThat(revisionItems(first.id())).hasSize(2);
    }

    @Test
    void aDeleteBasedOnAStaleVersion_keepsTheArticleAndItsRevisions() {
        Article first = Articles.article("Kept", null, ArticleStatus.DRAFT);
        create(first, "ann");
        Article second = edit(first, "Kept, edited", ArticleStatus.DRAFT);
        replace(first, second, "ann");

        assertThatThrownBy(() -> store.delete(first, CREATED.plusSeconds(600))).isInstanceOf(VersionConflict.class);

        assertThat(revisionItems(first.id())).hasSize(2);
        assertThat(store.findById(first.id())).contains(second);
    }

    @Test
    void revisions_pageNewestFirst_withoutContent() {
        Article current = Articles.article("Paged", null, ArticleStatus.DRAFT);
        create(current, "ann");
        for (int i = 2; i <= 5; i++) {
            Article next = edit(current, "Paged " + i, i == 5 ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT);
            replace(current, next, "ann");
            current = next;
        }

        RevisionPage first = store.revisions(current.id(), OptionalLong.empty(), 2);
        RevisionPage second = store.revisions(current.id(), first.next(), 2);
        RevisionPage last = store.revisions(current.id(), second.next(), 2);

        assertThat(first.items()).extracting(item -> item.version()).containsExactly(5L, 4L);
        assertThat(first.items().getFirst().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(first.items().getLast().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(second.items()).extracting(item -> item.version()).containsExactly(3L, 2L);
        assertThat(last.items()).extracting(item -> item.version()).containsExactly(1L);
        assertThat(last.next()).isEmpty();
    }

    private void create(Article article, String savedBy) {
        store.create(Revision.of(null, article, Optional.of(savedBy), OptionalLong.empty()), Optional.empty());
    }

    /** {@code previous} replaced by {@code next}, by {@code savedBy}, as the editor's write does it. */
    private void replace(Article previous, Article next, String savedBy) {
        store.replace(stored(previous), Revision.of(previous, next, Optional.of(savedBy), OptionalLong.empty()));
    }

    /** {@code article} as a writer read it: with whether the stored version's revision is kept, as the table says now. */
    private StoredArticle stored(Article article) {
        return new StoredArticle(article, store.findStored(article.id()).orElseThrow().revised());
    }

    /** The next version of {@code previous}, retitled, a minute later. */
    private static Article edit(Article previous, String title, ArticleStatus status) {
        Instant at = previous.updatedAt().plusSeconds(60);
        Instant publishedAt = status == ArticleStatus.DRAFT ? previous.publishedAt()
                : previous.publishedAt() != null ? previous.publishedAt() : at;
        return Articles.from(previous).title(title).publishedAt(publishedAt).status(status).excerpt(false)
                .version(previous.version() + 1).updatedAt(at).build();
    }

    /** The revision items of the article's partition, oldest first (a test reads them raw). */
    private List<Map<String, AttributeValue>> revisionItems(String id) {
        return dynamo.queryPaginator(query -> query.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :revision)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ARTICLE#" + id), ":revision", AttributeValue.fromS("REVISION#"))))
                .items().stream().toList();
    }
}

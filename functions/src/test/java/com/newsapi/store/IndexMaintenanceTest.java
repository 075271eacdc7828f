package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.error.VersionConflict;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.FeedKey;
import com.newsapi.model.Revision;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Search postings around an editor's writes: a late or losing writer never removes or lowers what a later version needs. */
class IndexMaintenanceTest {

    private static final Backoff NO_WAIT = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 12, duration -> { });

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, NO_WAIT);
    private final IndexMaintenance index = new IndexMaintenance(dynamo, table, new Batches(dynamo, table, NO_WAIT));

    @Test
    void aLateCleanUp_neverDeletesThePostingALaterEditWroteAgain() {
        Article v1 = withText(Articles.published("Harbour news", Instant.parse("2025-03-01T10:00:00Z")), "Fog at dawn.", 1);
        create(v1);
        Article v2 = withText(v1, "Fog at dusk.", 2);
        Article v3 = withText(v1, "Fog again at dawn.", 3);

        commitReplace(v1, v2);                      // edit A commits: "dawn" is gone
        replace(v2, v3);                            // edit B, whole: "dawn" is back, its posting written again
        index.removeStalePostings(v1, Optional.of(v2));   // A's clean-up, late: "dawn" was stale for A

        assertThat(store.find(search("dawn"), Optional.empty(), 10, NOW).items()).extracting(Article::version).containsExactly(3L);
        assertThat(posting("dawn", v3)).extractingByKey("version").isEqualTo(AttributeValue.fromN("3"));
        assertThat(posting("dusk", v2)).as("B's own clean-up removed what only A had").isEmpty();
    }

    @Test
    void anEditThatLosesItsVersionCheck_neverLowersThePostingALaterEditWrote() {
        Article v1 = withText(Articles.published("Lighthouse news", Instant.parse("2025-03-01T10:00:00Z")), "Fog at dawn.", 1);
        create(v1);
        Article v2 = withText(v1, "Fog again at dawn.", 2);
        Article v3 = withText(v1, "Fog at dusk.", 3);
        Article v4 = withText(v1, "Fog once more at dawn.", 4);
        Article late = withText(v1, "Rain at dawn.", 2);  // another editor's change, also based on version 1

        replace(v1, v2);
        commitReplace(v2, v3);                      // "dawn" goes; this edit's clean-up is delayed
        replace(v3, v4);                            // "dawn" is back, at version 4
        assertThatThrownBy(() -> commitReplace(v1, late)).isInstanceOf(VersionConflict.class); // its postings went first
        index.removeStalePostings(v2, Optional.of(v3));   // the delayed clean-up: "dawn" was stale for it

        assertThat(store.find(search("dawn"), Optional.empty(), 10, NOW).items()).extracting(Article::version).containsExactly(4L);
        assertThat(posting("dawn", v4)).extractingByKey("version").isEqualTo(AttributeValue.fromN("4"));
    }

    @Test
    void aCleanUp_deletesPostingsWrittenBeforePostingsCarriedAVersion() {
        Article v1 = withText(Articles.published("Old postings", Instant.parse("2025-03-01T10:00:00Z")), "Quiet lagoon.", 1);
        create(v1);
        dynamo.updateItem(update -> update.tableName(table).key(TableKeys.keyOf(posting("lagoon", v1)))
                .updateExpression("REMOVE version"));
        Article v2 = withText(v1, "Quiet harbour.", 2);

        replace(v1, v2);

        assertThat(posting("lagoon", v1)).isEmpty();
        assertThat(posting("harbour", v2)).isNotEmpty();
    }

    private Map<String, AttributeValue> posting(String term, Article article) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("TERM#" + term), "sk", AttributeValue.fromS(FeedKey.of(article).render())))).item();
        return item == null ? Map.of() : item;
    }

    private static Article withText(Article a, String text, long version) {
        return Articles.from(a).summary("A short summary.").paragraph(text).excerpt(false).version(version)
                .updatedAt(a.updatedAt().plusSeconds(version)).wordCount(3).build();
    }

    private static ArticleQuery search(String words) {
        return ArticleQuery.searching(com.newsapi.search.SearchQuery.parse(words));
    }

    /** An editor's create, its revision saved by no one in particular: these tests look at postings. */
    private void create(Article article) {
        store.create(Revision.of(null, article, Optional.empty(), OptionalLong.empty()), Optional.empty());
    }

    private void replace(Article previous, Article updated) {
        store.replace(new StoredArticle(previous, true), Revision.of(previous, updated, Optional.empty(), OptionalLong.empty()));
    }

    private void commitReplace(Article previous, Article updated) {
        store.commitReplace(new StoredArticle(previous, true), Revision.of(previous, updated, Optional.empty(), OptionalLong.empty()));
    }
}

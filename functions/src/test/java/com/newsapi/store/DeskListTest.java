package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.model.Article;
import com.newsapi.model.ArticleIds;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.DeskPage;
import com.newsapi.model.DeskPosition;
import com.newsapi.model.Revision;
import com.newsapi.model.Source;
import com.newsapi.search.SearchQuery;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The editors' desk list over the desk index: every status, newest change first, filtered and paged. */
class DeskListTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());

    @Test
    void desk_listsDraftsScheduledAndPublished_newestChangeFirst() {
        put(article("Old published story", ArticleStatus.PUBLISHED, "2026-11-01T08:00:00Z", NOW.minusSeconds(86_400)),
                article("A draft in progress", ArticleStatus.DRAFT, "2026-11-30T09:00:00.250Z", null),
                article("Tomorrow's story", ArticleStatus.SCHEDULED, "2026-11-29T12:00:00Z", NOW.plusSeconds(86_400)));

        DeskPage page = store.desk(Optional.empty(), ArticleQuery.ALL, Optional.empty(), 20, NOW);

        assertThat(page.items()).extracting(Article::title)
                .containsExactly("A draft in progress", "Tomorrow's story", "Old published story");
        assertThat(page.items()).extracting(Article::status)
                .containsExactly(ArticleStatus.DRAFT, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED);
        assertThat(page.items().getFirst().id()).isEqualTo(ArticleIds.deterministicId("desk", "A draft in progress"));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void desk_statusPublished_countsAScheduledArticleWhoseTimeHasCome_andStatusScheduledOnlyThoseAhead() {
        put(article("Went out this morning", ArticleStatus.SCHEDULED, "2026-11-29T12:00:00Z", NOW.minusSeconds(3_600)),
                article("Goes out tomorrow", ArticleStatus.SCHEDULED, "2026-11-29T13:00:00Z", NOW.plusSeconds(86_400)),
                article("Published last week", ArticleStatus.PUBLISHED, "2026-11-23T10:00:00Z", NOW.minusSeconds(7 * 86_400)),
                article("Still a draft", ArticleStatus.DRAFT, "2026-11-30T09:00:00Z", null));

        DeskPage published = store.desk(Optional.of(ArticleStatus.PUBLISHED), ArticleQuery.ALL, Optional.empty(), 20, NOW);
        DeskPage scheduled = store.desk(Optional.of(ArticleStatus.SCHEDULED), ArticleQuery.ALL, Optional.empty(), 20, NOW);
        DeskPage drafts = store.desk(Optional.of(ArticleStatus.DRAFT), ArticleQuery.ALL, Optional.empty(), 20, NOW);

        assertThat(published.items()).extracting(Article::title).containsExactly("Went out this morning", "Published last week");
        assertThat(published.items()).extracting(Article::status).containsOnly(ArticleStatus.PUBLISHED);
        assertThat(scheduled.items()).extracting(Article::title).containsExactly("Goes out tomorrow");
        assertThat(drafts.items()).extracting(Article::title).containsExactly("Still a draft");
    }

    @Test
    void desk_filtersByTagAuthorAndSearch_onWhatTheIndexProjects() {
        put(withTagsAndAuthor(article("Rivers rise in the north", ArticleStatus.DRAFT, "2026-11-30T09:00:00Z", null),
                        List.of("Weather"), "Mia Brandt"),
                withTagsAndAuthor(article("Markets close higher", ArticleStatus.PUBLISHED, "2026-11-30T08:00:00Z", NOW.minusSeconds(60)),
                        List.of("business"), "Ann Lee"));

        assertThat(store.desk(Optional.empty(), new ArticleQuery(Optional.of("weather"), Optional.empty(), Optional.empty(),
                Optional.empty(), SearchQuery.NONE), Optional.empty(), 20, NOW).items())
                .extracting(Article::title).containsExactly("Rivers rise in the north");
        assertThat(store.desk(Optional.empty(), new ArticleQuery(Optional.empty(), Optional.of("ann  lee"), Optional.empty(),
                Optional.empty(), SearchQuery.NONE), Optional.empty(), 20, NOW).items())
                .extracting(Article::title).containsExactly("Markets close higher");
        assertThat(store.desk(Optional.empty(), ArticleQuery.searching(SearchQuery.parse("rivers")), Optional.empty(), 20, NOW).items())
                .extracting(Article::title).containsExactly("Rivers rise in the north");
    }

    @Test
    void desk_pagesThroughArticlesSharingAnUpdatedAt_inEveryPartition_withoutLosingOrRepeatingOne() {
        // The loader writes a page's stories at one instant: ties within a status and across statuses.
        List<Article> articles = new ArrayList<>();
        String[] instants = {"2026-11-30T09:00:00.500Z", "2026-11-30T09:00:00.500Z", "2026-11-30T08:00:00Z", "2026-11-29T08:00:00.001Z"};
        ArticleStatus[] statuses = {ArticleStatus.DRAFT, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED};
        for (int i = 0; i < 24; i++) {
            ArticleStatus status = statuses[i % 3];
            Instant publishedAt = status == ArticleStatus.DRAFT ? null
                    : status == ArticleStatus.SCHEDULED ? NOW.plusSeconds(3_600) : NOW.minusSeconds(3_600);
            articles.add(article("Story number " + i, status, instants[i % 4], publishedAt));
        }
        put(articles.toArray(Article[]::new));
        List<String> whole = ids(store.desk(Optional.empty(), ArticleQuery.ALL, Optional.empty(), 100, NOW).items());

        List<String> paged = new ArrayList<>();
        Optional<DeskPosition> after = Optional.empty();
        int pages = 0;
        do {
            DeskPage page = store.desk(Optional.empty(), ArticleQuery.ALL, after, 5, NOW);
            paged.addAll(ids(page.items()));
            after = page.next();
            pages++;
        } while (after.isPresent() && pages < 20);

        assertThat(whole).hasSize(24).doesNotHaveDuplicates();
        assertThat(paged).containsExactlyElementsOf(whole);
        List<Instant> changed = store.desk(Optional.empty(), ArticleQuery.ALL, Optional.empty(), 100, NOW).items().stream()
                .map(Article::updatedAt).toList();
        assertThat(changed).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void desk_resumesAfterTheCursor_evenWhenTheArticleItNamesChangedMeanwhile() {
        List<Article> tied = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tied.add(article("Tied draft " + i, ArticleStatus.DRAFT, "2026-11-30T09:00:00Z", null));
        }
        put(tied.toArray(Article[]::new));
        DeskPage first = store.desk(Optional.empty(), ArticleQuery.ALL, Optional.empty(), 3, NOW);
        Article last = first.items().getLast();
        Article stored = store.findById(last.id()).orElseThrow();

        replace(stored, Articles.from(stored).title("Edited meanwhile").publishedAt(null).status(ArticleStatus.DRAFT)
                .excerpt(false).version(2).updatedAt(NOW).build());
        DeskPage second = store.desk(Optional.empty(), ArticleQuery.ALL, first.next(), 3, NOW);

        List<String> both = new ArrayList<>(ids(first.items()));
        both.addAll(ids(second.items()));
        assertThat(both).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(tied));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void desk_listsOnlyArticleItems_notTheTombstoneOfAnUnpublishedOne() {
        Article published = article("Taken back", ArticleStatus.PUBLISHED, "2026-11-30T08:00:00Z", NOW.minusSeconds(60));
        put(published);
        Article draft = Articles.from(published).status(ArticleStatus.DRAFT).excerpt(false).version(2).updatedAt(NOW).build();

        replace(published, draft);

        assertThat(store.desk(Optional.empty(), ArticleQuery.ALL, Optional.empty(), 20, NOW).items())
                .extracting(Article::title, Article::status, Article::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Taken back", ArticleStatus.DRAFT, 2L));
    }

    private void put(Article... articles) {
        Map<String, String> hashes = new HashMap<>();
        for (Article article : articles) {
            hashes.put(article.id(), ArticleStore.EDITED_HASH);
        }
        seeds.putAll(List.of(articles), hashes);
    }

    private static List<String> ids(List<Article> articles) {
        return articles.stream().map(Article::id).toList();
    }

    private static Article article(String title, ArticleStatus status, String updatedAt, Instant publishedAt) {
        return Articles.titled(title).id(ArticleIds.deterministicId("desk", title)).paragraph("Body of " + title + ".")
                .author("Ada Reporter").source(new Source(null, null)).publishedAt(publishedAt).status(status)
                .createdAt(Instant.parse("2026-11-01T00:00:00Z")).updatedAt(Instant.parse(updatedAt)).wordCount(3).build();
    }

    private static Article withTagsAndAuthor(Article a, List<String> tags, String author) {
        return Articles.from(a).author(author).tags(tags).build();
    }

    /** An editor's replace, its revision saved by no one in particular: these tests look at the desk index. */
    private void replace(Article previous, Article updated) {
        store.replace(new StoredArticle(previous, true), Revision.of(previous, updated, Optional.empty(), OptionalLong.empty()));
    }
}

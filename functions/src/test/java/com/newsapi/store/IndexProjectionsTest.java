package com.newsapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedLoader;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleIds;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.model.Source;
import com.newsapi.service.ArticleService;
import com.newsapi.testing.Articles;
import com.newsapi.testing.ReadUnits;
import com.newsapi.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the list indexes' projection costs a page, measured: the same articles (the 12 seeds and 80
 * generated news-sized articles) in a table whose list indexes project ALL and in one projecting
 * the listed attributes (as template.yaml does), the same pages read from each, and the read units
 * of everything the engine returned counted by DynamoDB's rules ({@link ReadUnits}). README's
 * "Index projections" shows the table this prints.
 */
class IndexProjectionsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final int GENERATED = 80;

    private final ReadUnits allUnits = new ReadUnits();
    private final ReadUnits listedUnits = new ReadUnits();
    private final Reader all = new Reader(allUnits, true);
    private final Reader listed = new Reader(listedUnits, false);

    @Test
    void listPages_readAFractionOfTheUnits_andReturnTheSameArticles() {
        Map<String, Function<Reader, List<Article>>> pages = new LinkedHashMap<>();
        pages.put("feed, 20 cards", reader -> reader.list(ArticleQuery.ALL, false));
        pages.put("feed, 20 with body (fields=…,body)", reader -> reader.list(ArticleQuery.ALL, true));
        pages.put("tag, 20 cards", reader -> reader.list(query(Optional.of("world"), Optional.empty()), false));
        pages.put("author, 20 cards", reader -> reader.list(query(Optional.empty(), Optional.of("Ana Ortiz")), false));
        pages.put("feed, excerpt=false, 20 cards", reader -> reader.list(ArticleQuery.ALL.withExcerpt(Optional.of(false)), false));
        pages.put("sync full pass, 20 whole", reader -> reader.store.find(ArticleQuery.ALL, Optional.empty(), 20, NOW).items());

        StringBuilder table = new StringBuilder("| page | items read ALL / listed | RCU ALL | RCU listed | listed / ALL |\n| --- | --- | --- | --- | --- |\n");
        for (var page : pages.entrySet()) {
            allUnits.reset();
            listedUnits.reset();

            List<Article> fromAll = page.getValue().apply(all);
            List<Article> fromListed = page.getValue().apply(listed);

            assertThat(fromListed).as(page.getKey()).hasSize(20);
            assertThat(ids(fromListed)).as(page.getKey()).isEqualTo(ids(fromAll));
            if (page.getKey().contains("body") || page.getKey().contains("whole")) {
                assertThat(fromListed).as(page.getKey()).isEqualTo(fromAll);
            }
            assertThat(listedUnits.units()).as(page.getKey()).isLessThan(allUnits.units());
            table.append(String.format("| %s | %d / %d | %.1f | %.1f | %.2f |%n", page.getKey(), allUnits.itemsRead(),
                    listedUnits.itemsRead(), allUnits.units(), listedUnits.units(), listedUnits.units() / allUnits.units()));
        }
        System.out.print(table);
    }

    @Test
    void listIndexEntries_holdTheListedAttributesOnly() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Reader reader : List.of(all, listed)) {
            var entries = reader.dynamo.query(q -> q.tableName(reader.table).indexName("feed")
                    .keyConditionExpression("feedShard = :s").expressionAttributeValues(Map.of(":s",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("FEED#0")))).items();
            assertThat(entries).isNotEmpty();
            if (reader == listed) {
                assertThat(entries).allSatisfy(entry -> assertThat(entry.keySet()).doesNotContain("body", "authorBio", "sourceFile", "contentHash")
                        .containsAll(Set.of("pk", "sk", "feedShard", "feedKey", "id", "title", "status", "version")));
            }
            sizes.put(reader == all ? "ALL" : "listed", entries.stream().mapToLong(ReadUnits::itemSize).sum() / entries.size());
        }
        System.out.println("mean feed index entry, bytes: " + sizes);
        assertThat(sizes.get("listed")).isLessThan(sizes.get("ALL") / 3);
    }

    @Test
    void aPageOfAPopularTag_readsAboutWhatItReturns_notAHundredEntriesASlot() {
        ReadUnits units = new ReadUnits();
        DynamoDbClient dynamo = TestDatabase.client(units);
        String table = TestDatabase.newTable(dynamo);
        ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
        List<Article> popular = new ArrayList<>();
        for (Article article : generated()) {
            // "world" in the first, second or third slot, as editors list tags in any order
            List<String> tags = switch (popular.size() % 3) {
                case 0 -> List.of("world", "a", "b");
                case 1 -> List.of("a", "world", "b");
                default -> List.of("a", "b", "world");
            };
            popular.add(Articles.from(article).tags(tags).excerpt(false).version(1).build());
        }
        new SeedWrites(dynamo, table, Backoff.standard()).putAll(popular, popular.stream().collect(Collectors.toMap(Article::id, a -> "generated")));
        units.reset();

        List<Article> page = store.find(query(Optional.of("world"), Optional.empty()), Optional.empty(), 10, NOW, false).items();
        long tagPage = units.itemsRead();
        units.reset();
        List<Article> stories = store.find(ArticleQuery.ALL.withExcerpt(Optional.of(false)), Optional.empty(), 10, NOW, false).items();

        assertThat(page).hasSize(10);
        assertThat(stories).hasSize(10);
        // Each merged partition first asks for half again its share of the page (11 entries) plus one:
        // 5 a slot here (three slots hold the tag), 6 a feed shard; not the whole page from each.
        assertThat(tagPage).as("entries read for a tag page of 10 over three slots").isLessThanOrEqualTo(25);
        assertThat(units.itemsRead()).as("entries read for an excerpt=false page of 10 when every entry is a story").isLessThanOrEqualTo(30);
    }

    private static ArticleQuery query(Optional<String> tag, Optional<String> author) {
        return new ArticleQuery(tag, author, Optional.empty(), Optional.empty(), com.newsapi.search.SearchQuery.NONE);
    }

    private static List<String> ids(List<Article> articles) {
        return articles.stream().map(Article::id).toList();
    }

    /** One table with the 12 seeds and the generated articles, read through the service with its read units counted. */
    private static final class Reader {
        final DynamoDbClient dynamo;
        final String table;
        final ArticleStore store;
        final ArticleService service;

        Reader(ReadUnits units, boolean projectAll) {
            dynamo = TestDatabase.client(units);
            table = TestDatabase.newTable(dynamo, projectAll);
            store = new ArticleStore(dynamo, table, Backoff.standard());
            service = new ArticleService(store, Clock.fixed(NOW, ZoneOffset.UTC));
            SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());
            new SeedLoader(seeds, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC))
                    .load(BundledSeeds.fromFolder(Path.of("../seeds")));
            List<Article> generated = generated();
            seeds.putAll(generated, generated.stream().collect(Collectors.toMap(Article::id, a -> "generated")));
        }

        List<Article> list(ArticleQuery query, boolean withBodies) {
            return service.list(query, Optional.empty(), 20, withBodies, withBodies).items();
        }
    }

    /**
     * News-sized articles, the same in every run: a 9-word title, a 45-word summary, 12 paragraphs
     * of 60 words (about 4.5 KB of body), one of three authors with a 60-word bio, three tags of eight.
     */
    static List<Article> generated() {
        Random random = new Random(16);
        String[] authors = {"Ana Ortiz", "Kim Lee", "Mia Brandt"};
        String[] tags = {"world", "politics", "business", "science", "sport", "culture", "asia", "europe"};
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            String title = "Generated story " + i + " " + words(random, 6);
            List<Block> body = new ArrayList<>();
            for (int p = 0; p < 12; p++) {
                body.add(Block.paragraph(words(random, 60) + "."));
            }
            String author = authors[i % authors.length];
            Instant published = Instant.parse("2026-10-01T00:00:00Z").plus(Duration.ofHours(i));
            articles.add(Articles.titled(title).id(ArticleIds.deterministicId("generated", title))
                    .summary(words(random, 45) + ".").body(body).author(new Author(author, words(random, 60) + "."))
                    .source(new Source(null, "Generated Times")).publishedAt(published)
                    .tags(List.of(tags[i % 8], tags[(i + 3) % 8], tags[(i + 5) % 8])).status(ArticleStatus.PUBLISHED)
                    .createdAt(published).updatedAt(published).wordCount(Block.wordCount(body)).build());
        }
        return articles;
    }

    private static String words(Random random, int count) {
        String[] vocabulary = {"the", "minister", "said", "on", "tuesday", "that", "markets", "would", "recover", "after",
            "storm", "council", "vote", "city", "river", "budget", "report", "police", "school", "election", "climate",
            "energy", "prices", "talks", "border", "health", "hospital", "court", "ruling", "team", "season", "league"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }
}

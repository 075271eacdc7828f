package com.newsapi.handler;

import static com.newsapi.handler.CountRecount.event;
import static com.newsapi.handler.CountRecount.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.error.InvalidField;
import com.newsapi.error.StoreUnavailable;
import com.newsapi.codec.CountCursors;
import com.newsapi.codec.SignedPositions;
import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedFile;
import com.newsapi.loader.SeedLoader;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.model.CountKind;
import com.newsapi.store.SeedWrites;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** GET /tags and /authors: counter items kept in step with every write, read a page at a time. */
class CountsTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<String> TAGS = List.of("world", "World ", "sport", "tech", "science", "arts", "health", "travel");
    private static final List<String> AUTHORS = List.of("Ada Reporter", "ada  reporter", "Bo Writer", "Cy Editor", "Di Columnist");

    private final List<SdkRequest> requests = new ArrayList<>();
    private final DynamoDbClient dynamo = TestDatabase.client(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(context.request());
        }
    });
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());
    private final TestClock clock = new TestClock(START);
    private final EditorService editor = new EditorService(store, clock);
    private final ArticleService reader = new ArticleService(store, clock);
    private final ListTagsHandler tags = new ListTagsHandler(reader, HandlerFactory.countCursors());
    private final ListAuthorsHandler authors = new ListAuthorsHandler(reader, HandlerFactory.countCursors());

    @Test
    void counts_matchARecount_afterARandomMixOfEditsSchedulesDeletesAndLoaderRuns() {
        Random random = new Random(20261123);
        List<String> ids = new ArrayList<>();
        for (int step = 0; step < 250; step++) {
            int action = random.nextInt(100);
            try {
                if (action < 30 || ids.isEmpty()) {
                    ids.add(create(random).id());
                } else if (action < 55) {
                    Article current = editor.get(pick(ids, random));
                    editor.replace(current.id(), current.version(), draft(random, current.title()));
                } else if (action < 65) {
                    Article current = editor.get(pick(ids, random));
                    editor.publish(current.id(), current.version());
                } else if (action < 73) {
                    Article current = editor.get(pick(ids, random));
                    editor.replace(current.id(), current.version(), new ArticleDraft(current.title(), current.summary(),
                            current.body(), current.author(), current.tags(), Optional.of(ArticleStatus.DRAFT), Optional.empty()));
                } else if (action < 81) {
                    String id = pick(ids, random);
                    editor.delete(id, editor.get(id).version());
                    ids.remove(id);
                } else if (action < 86) {
                    new SeedLoader(seeds, clock).load(seedVariant(random.nextInt(3)));
                    ids.addAll(CountRecount.visibleArticles(reader).stream().map(Article::id).filter(id -> !ids.contains(id)).toList());
                } else {
                    clock.advance(Duration.ofMinutes(random.nextInt(40)));
                }
            } catch (InvalidField e) {
                // Scheduling an article readers already see is refused; the mix goes on.
            }
            if (step % 10 == 9) {
                assertCountsMatchRecount("after step " + step, 1 + random.nextInt(4));
            }
        }
        assertThat(comparedWithArticlesScheduledAhead).as("the mix compared counts while articles were scheduled ahead").isPositive();
        clock.advance(Duration.ofHours(3)); // every schedule has come: no write, yet everything is counted
        assertCountsMatchRecount("after every schedule came", 3);
        assertThat(counterItems("COUNTS#TAG")).as("counters at zero are removed").allSatisfy((key, articles) -> assertThat(articles).isPositive());
        assertThat(counterItems("COUNTS#AUTHOR")).allSatisfy((key, articles) -> assertThat(articles).isPositive());
    }

    @Test
    void aNameNoArticleCarriesAnyMore_isRemoved() {
        Article rare = create(List.of("rare", "common"), "Ada Reporter", ArticleStatus.PUBLISHED);
        Article other = create(List.of("common"), "Bo Writer", ArticleStatus.PUBLISHED);

        editor.replace(rare.id(), rare.version(), draft(rare.title(), List.of("common"), "Ada Reporter", ArticleStatus.PUBLISHED));
        editor.delete(other.id(), other.version());

        assertThat(counterItems("COUNTS#TAG")).containsExactly(Map.entry("common", 1L));
        assertThat(counterItems("COUNTS#AUTHOR")).containsExactly(Map.entry("ada reporter", 1L));
        assertThat(counts(tags, Map.of())).containsExactly(Map.entry("common", 1L));
    }

    @Test
    void aScheduledArticle_isCountedFromItsInstant_withNoWriteThen() {
        create(List.of("election"), "Ada Reporter", ArticleStatus.PUBLISHED);
        Article scheduled = editor.create(draft("Results tonight", List.of("election", "results"), "Cy Editor", ArticleStatus.SCHEDULED,
                Optional.of(START.plus(Duration.ofHours(2)))));

        assertThat(counts(tags, Map.of())).containsExactly(Map.entry("election", 1L));
        assertThat(counts(authors, Map.of())).containsExactly(Map.entry("Ada Reporter", 1L));

        requests.clear();
        clock.set(scheduled.publishedAt());

        assertThat(counts(tags, Map.of())).containsExactly(Map.entry("election", 2L), Map.entry("results", 1L));
        assertThat(counts(authors, Map.of())).containsExactly(Map.entry("Ada Reporter", 1L), Map.entry("Cy Editor", 1L));
        assertThat(requests).as("reads only").allSatisfy(request -> assertThat(request.getClass().getSimpleName()).isEqualTo("QueryRequest"));
    }

    @Test
    void pages_followTheNameOrder_andEndWithANullCursor() {
        create(List.of("b-tag", "a-tag", "e-tag"), "Zoe Zed", ArticleStatus.PUBLISHED);
        create(List.of("d-tag", "c-tag"), "Amy Ash", ArticleStatus.PUBLISHED);
        create(List.of("g-tag", "f-tag", "a-tag"), "Amy  ash", ArticleStatus.PUBLISHED);
        create(List.of("hidden"), "Dee Draft", ArticleStatus.DRAFT);

        List<List<String>> pages = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("limit", "3"));
        JsonNode page;
        do {
            page = json(tags.handleRequest(event("/tags", query), null));
            List<String> names = new ArrayList<>();
            page.get("items").forEach(item -> names.add(item.get("name").asText()));
            pages.add(names);
            query.put("cursor", page.get("nextCursor").asText());
        } while (!page.get("nextCursor").isNull());

        assertThat(pages).containsExactly(List.of("a-tag", "b-tag", "c-tag"), List.of("d-tag", "e-tag", "f-tag"), List.of("g-tag"));
        assertThat(counts(authors, Map.of("limit", "1"))).containsExactly(Map.entry("Amy Ash", 2L));
        assertThat(CountRecount.allPages(authors, 1)).containsExactly(Map.entry("amy ash", 2L), Map.entry("zoe zed", 1L));
    }

    @Test
    void countersLeftAtZero_areSkipped_aBoundedNumberPerPage() {
        for (int i = 0; i < 120; i++) {
            String tag = "a-%03d".formatted(i); // as an interrupted clean-up leaves them
            dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", AttributeValue.fromS("COUNTS#TAG"),
                    "sk", AttributeValue.fromS(tag), "name", AttributeValue.fromS(tag), "articles", AttributeValue.fromN("0"))));
        }
        create(List.of("b-1", "b-2"), "Ada Reporter", ArticleStatus.PUBLISHED);

        List<Integer> pageSizes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, String> query = new HashMap<>();
        JsonNode page;
        do {
            page = json(tags.handleRequest(event("/tags", query), null));
            pageSizes.add(page.get("items").size());
            page.get("items").forEach(item -> names.add(item.get("name").asText()));
            query.put("cursor", page.get("nextCursor").asText());
        } while (!page.get("nextCursor").isNull());

        assertThat(names).containsExactly("b-1", "b-2");
        assertThat(pageSizes).as("the first page stops after 20 + 1 + 50 counters").containsExactly(0, 2);
    }

    static Stream<Arguments> badParameters() {
        // Well formed, naming a tag, but signed with another key.
        String otherKeys = new CountCursors(new SignedPositions("another-signing-key-0123456789")).encode(CountKind.TAG, "a-tag");
        return Stream.of(
                Arguments.of(Map.of("limit", "0"), "limit"),
                Arguments.of(Map.of("limit", "101"), "limit"),
                Arguments.of(Map.of("limit", "ten"), "limit"),
                Arguments.of(Map.of("cursor", "not-a-cursor"), "cursor"),
                Arguments.of(Map.of("cursor", "~"), "cursor"),
                Arguments.of(Map.of("cursor", otherKeys), "cursor"),
                Arguments.of(Map.of("cursor", "x".repeat(2000)), "cursor"),
                Arguments.of(Map.of("sort", "count"), "sort"));
    }

    @ParameterizedTest
    @MethodSource("badParameters")
    void badLimitCursorOrParameter_isA400NamingIt(Map<String, String> query, String parameter) {
        for (var handler : List.of(tags, authors)) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event("/tags", query), null);

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
            assertThat(json(response).get("parameter").asText()).isEqualTo(parameter);
        }
    }

    @Test
    void aCursor_isRefusedByTheOtherRoute_andWhenItsNameIsChanged() {
        create(List.of("alpha", "beta"), "Ada Reporter", ArticleStatus.PUBLISHED);
        create(List.of("gamma"), "Bo Writer", ArticleStatus.PUBLISHED);
        String tagCursor = json(tags.handleRequest(event("/tags", Map.of("limit", "1")), null)).get("nextCursor").asText();
        String authorCursor = json(authors.handleRequest(event("/authors", Map.of("limit", "1")), null)).get("nextCursor").asText();
        String payload = new String(Base64.getUrlDecoder().decode(tagCursor.substring(0, tagCursor.indexOf('.'))), StandardCharsets.UTF_8);
        String renamed = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"alpha\"", "\"beta\"").getBytes(StandardCharsets.UTF_8)) + tagCursor.substring(tagCursor.indexOf('.'));

        assertThat(tags.handleRequest(event("/tags", Map.of("cursor", authorCursor)), null).getStatusCode()).isEqualTo(400);
        assertThat(authors.handleRequest(event("/authors", Map.of("cursor", tagCursor)), null).getStatusCode()).isEqualTo(400);
        assertThat(tags.handleRequest(event("/tags", Map.of("cursor", renamed)), null).getStatusCode()).isEqualTo(400);
        assertThat(counts(tags, Map.of("cursor", tagCursor))).containsExactly(Map.entry("beta", 1L), Map.entry("gamma", 1L));
    }

    /** Every edit is one transaction (with its revision, README "Revisions"); only one that moves a counter updates any. */
    @Test
    void anEditThatMovesNoCounter_updatesNone_andOneThatDoes_movesThemInItsTransaction() {
        Article article = create(List.of("weather"), "Ada Reporter", ArticleStatus.PUBLISHED);

        requests.clear();
        Article retitled = editor.replace(article.id(), article.version(), draft("New title", List.of("Weather"), "ada reporter", ArticleStatus.PUBLISHED));
        List<String> cheap = writes();
        long cheapUpdates = counterUpdates();
        requests.clear();
        editor.replace(retitled.id(), retitled.version(), draft("New title", List.of("climate"), "Ada Reporter", ArticleStatus.PUBLISHED));
        List<String> moving = writes();
        long movingUpdates = counterUpdates();

        assertThat(cheap).containsExactly("TransactWriteItemsRequest");
        assertThat(cheapUpdates).isZero();
        assertThat(moving).containsExactly("TransactWriteItemsRequest", "DeleteItemRequest");
        assertThat(movingUpdates).isEqualTo(2); // weather down, climate up
        assertThat(counterItems("COUNTS#TAG")).containsExactly(Map.entry("climate", 1L));
    }

    private long counterUpdates() {
        return requests.stream().filter(request -> request instanceof TransactWriteItemsRequest)
                .flatMap(request -> ((TransactWriteItemsRequest) request).transactItems().stream())
                .filter(item -> item.update() != null).count();
    }

    @Test
    void theLoader_movesTheCountersOfTheArticlesItRewrites_andLeavesThoseChangedSinceItRead() {
        new SeedLoader(seeds, clock).load(seedVariant(0));
        assertThat(counts(authors, Map.of())).containsExactly(Map.entry("Ruta Deshpande", 1L));

        new SeedLoader(seeds, clock).load(seedVariant(1));
        assertThat(counts(authors, Map.of())).containsExactly(Map.entry("Mira Sen", 1L));
        assertThat(counterItems("COUNTS#AUTHOR")).containsOnlyKeys("mira sen");

        Article story = CountRecount.visibleArticles(reader).stream().filter(article -> article.author() != null).findFirst().orElseThrow();
        Map<String, com.newsapi.store.StoredVersion> readBefore = seeds.storedVersions(List.of(story.id()));
        editor.replace(story.id(), story.version(), draft(story.title(), List.of("korea"), "Lee Park", ArticleStatus.PUBLISHED));
        Article seedAgain = Articles.from(story).author("Ruta Deshpande").tags(List.of()).status(ArticleStatus.PUBLISHED)
                .excerpt(false).version(story.version() + 1).updatedAt(clock.instant()).build();
        Article fresh = Articles.published("A fresh story", START.minus(Duration.ofDays(1)));

        int written = seeds.putAll(List.of(seedAgain, fresh), Map.of(story.id(), "seed:story:x", fresh.id(), "seed:story:y"), readBefore);

        assertThat(written).isEqualTo(1);
        assertThat(reader.get(story.id()).author().name()).isEqualTo("Lee Park");
        assertThat(CountRecount.allPages(authors, 10)).containsExactly(Map.entry("ada reporter", 1L), Map.entry("lee park", 1L));
        assertCountsMatchRecount("after the loader met an edit", 2);
    }

    @Test
    void writesMeetingOnACounter_areRetried_andGiveUpAsA503() {
        AtomicInteger conflictsLeft = new AtomicInteger(2);
        AtomicInteger attempts = new AtomicInteger();
        DynamoDbClient contended = TestDatabase.client(new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest) {
                    attempts.incrementAndGet();
                    if (conflictsLeft.getAndDecrement() > 0) {
                        throw TransactionCanceledException.builder().message("Transaction cancelled").statusCode(400)
                                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException")
                                        .errorMessage("Transaction cancelled").serviceName("DynamoDb").build())
                                .cancellationReasons(CancellationReason.builder().code("None").build(),
                                        CancellationReason.builder().code("TransactionConflict").build())
                                .build();
                    }
                }
            }
        });
        EditorService contendedEditor = new EditorService(new ArticleStore(contended, table,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 5, pause -> { })), clock);

        contendedEditor.create(draft("Busy desk", List.of("busy"), "Ada Reporter", ArticleStatus.PUBLISHED));

        assertThat(attempts.get()).isEqualTo(3);
        assertThat(counterItems("COUNTS#TAG")).containsExactly(Map.entry("busy", 1L));

        conflictsLeft.set(Integer.MAX_VALUE);
        attempts.set(0);

        assertThatThrownBy(() -> contendedEditor.create(draft("Busier desk", List.of("busy"), "Ada Reporter", ArticleStatus.PUBLISHED))).isInstanceOf(StoreUnavailable.class);
        assertThat(attempts.get()).as("one try and three retries").isEqualTo(4);
        assertThat(counterItems("COUNTS#TAG")).containsExactly(Map.entry("busy", 1L));
    }

    // --- the recount: every visible article, read through the feed, counted here ---

    private int comparedWithArticlesScheduledAhead;

    private void assertCountsMatchRecount(String when, int limit) {
        List<Article> visible = CountRecount.visibleArticles(reader);
        Map<String, Long> tagRecount = CountRecount.tags(visible);
        Map<String, Long> authorRecount = CountRecount.authors(visible);
        if (counterItems("COUNTS#TAG").values().stream().mapToLong(Long::longValue).sum()
                > tagRecount.values().stream().mapToLong(Long::longValue).sum()) {
            comparedWithArticlesScheduledAhead++;
        }
        assertThat(CountRecount.allPages(tags, limit)).as("/tags %s, limit %d", when, limit).containsExactlyEntriesOf(tagRecount);
        assertThat(CountRecount.allPages(authors, limit)).as("/authors %s, limit %d", when, limit).containsExactlyEntriesOf(authorRecount);
    }

    private Map<String, Long> counterItems(String partition) {
        Map<String, Long> items = new TreeMap<>();
        dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition))))
                .items().forEach(item -> items.put(item.get("sk").s(), Long.parseLong(item.get("articles").n())));
        return items;
    }

    /** The writes of articles and counters: search postings (TERM# keys) are not this test's subject. */
    private List<String> writes() {
        return requests.stream().filter(request -> !isPostingWrite(request)).map(request -> request.getClass().getSimpleName())
                .filter(name -> !name.startsWith("Get") && !name.startsWith("BatchGet") && !name.startsWith("Query"))
                .toList();
    }

    private static boolean isPostingWrite(SdkRequest request) {
        Map<String, AttributeValue> key = request instanceof PutItemRequest put ? put.item()
                : request instanceof DeleteItemRequest delete ? delete.key() : Map.of();
        return key.containsKey("pk") && key.get("pk").s().startsWith("TERM#");
    }

    // --- the mix's parts ---

    private Article create(Random random) {
        ArticleStatus status = ArticleStatus.values()[random.nextInt(3)];
        Optional<Instant> publishAt = status == ArticleStatus.SCHEDULED
                ? Optional.of(clock.instant().plus(Duration.ofMinutes(1 + random.nextInt(120)))) : Optional.empty();
        return editor.create(draft("Story " + random.nextInt(1_000_000), randomTags(random), AUTHORS.get(random.nextInt(AUTHORS.size())),
                status, publishAt));
    }

    private ArticleDraft draft(Random random, String title) {
        ArticleStatus status = ArticleStatus.values()[random.nextInt(3)];
        Optional<Instant> publishAt = status == ArticleStatus.SCHEDULED
                ? Optional.of(clock.instant().plus(Duration.ofMinutes(1 + random.nextInt(120)))) : Optional.empty();
        String author = random.nextInt(6) == 0 ? null : AUTHORS.get(random.nextInt(AUTHORS.size()));
        return draft(title, randomTags(random), author, status, publishAt);
    }

    private static List<String> randomTags(Random random) {
        List<String> chosen = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            chosen.add(TAGS.get(random.nextInt(TAGS.size())));
        }
        return chosen;
    }

    private Article create(List<String> tags, String author, ArticleStatus status) {
        return editor.create(draft("Story about " + String.join(" ", tags) + " " + author + " " + status, tags, author, status, Optional.empty()));
    }

    private static ArticleDraft draft(String title, List<String> tags, String author, ArticleStatus status) {
        return draft(title, tags, author, status, Optional.empty());
    }

    private static ArticleDraft draft(String title, List<String> tags, String author, ArticleStatus status, Optional<Instant> publishAt) {
        return new ArticleDraft(title, "Summary.", List.of(Block.paragraph("Text of " + title + ".")),
                author == null ? null : new Author(author, null), tags, Optional.of(status), publishAt);
    }

    private static String pick(List<String> ids, Random random) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** The bundled seeds (0), with their one named author renamed (1), or with a changed sentence (2). */
    private static List<SeedFile> seedVariant(int variant) {
        List<SeedFile> files = new ArrayList<>();
        for (SeedFile file : BundledSeeds.fromFolder(Path.of("../seeds"))) {
            String text = switch (variant) {
                case 1 -> file.text().replace("Ruta Deshpande", "Mira Sen");
                case 2 -> file.text().replace("U.S. President Donald Trump made headlines", "President Trump made headlines");
                default -> file.text();
            };
            files.add(new SeedFile(file.name(), text));
        }
        return files;
    }

    private static Map<String, Long> counts(com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> route,
                                            Map<String, String> query) {
        APIGatewayV2HTTPResponse response = route.handleRequest(event("/counts", query), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        json(response).get("items").forEach(item -> counts.put(item.get("name").asText(), item.get("articles").asLong()));
        return counts;
    }
}

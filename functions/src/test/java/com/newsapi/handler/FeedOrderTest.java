package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedLoader;
import com.newsapi.model.Article;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.store.SeedWrites;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The order a reader's newest-first feed shows the 12 seeded items in, and what a date window and
 * {@code excerpt=} hold of them: the story of page 000 and its 10 teasers are dated by the page,
 * the story of page 003 shows no date and comes after all of them. When the loader ran plays no part.
 */
class FeedOrderTest {

    private static final Instant LOADED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final String PAGE_DATE = "2025-01-24T20:20:00Z";
    private static final String DATED_STORY = "Trump Wants to Reconnect with Kim Jong Un";
    private static final String UNDATED_STORY = "“I’ll Solve It!” — Trump Drops Bombshell on North Korea as Tensions Soar Again";

    private final DynamoDbClient dynamo = TestDatabase.client();
    private final String table = TestDatabase.newTable(dynamo);
    private final ArticleStore store = new ArticleStore(dynamo, table, Backoff.standard());
    private final SeedWrites seeds = new SeedWrites(dynamo, table, Backoff.standard());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ListArticlesHandler list = new ListArticlesHandler(new ArticleService(store, clock), HandlerFactory.cursors());
    private final PatchArticleHandler patch = new PatchArticleHandler(new EditorService(store, clock));

    FeedOrderTest() {
        new SeedLoader(seeds, Clock.fixed(LOADED, ZoneOffset.UTC)).load(BundledSeeds.fromFolder(Path.of("../seeds")));
    }

    @Test
    void feed_listsTheDatedSeedsNewestFirst_thenTheUndatedStory() {
        List<JsonNode> items = pageThrough(Map.of("limit", "5"));

        assertThat(items).hasSize(12);
        assertThat(items.subList(0, 11)).allSatisfy(item -> assertThat(item.path("publishedAt").asText()).isEqualTo(PAGE_DATE));
        assertThat(items.subList(0, 11)).extracting(item -> item.get("title").asText()).contains(DATED_STORY);
        assertThat(items.get(11).get("title").asText()).isEqualTo(UNDATED_STORY);
        assertThat(items.get(11).has("publishedAt")).isFalse();
    }

    @Test
    void teasers_carryTheDateOfThePageThatShowedThem() {
        List<JsonNode> teasers = pageThrough(Map.of("limit", "100")).stream().filter(item -> item.get("excerpt").asBoolean()).toList();

        assertThat(teasers).hasSize(10);
        assertThat(teasers).allSatisfy(item -> assertThat(item.get("publishedAt").asText()).isEqualTo(PAGE_DATE));
    }

    @Test
    void dateWindows_holdTheDatedSeeds_neverTheUndatedStory() {
        assertThat(titles(Map.of("from", "2025-01-24", "to", "2025-01-24"))).hasSize(11).doesNotContain(UNDATED_STORY);
        assertThat(titles(Map.of("to", "2030-12-31"))).hasSize(11).doesNotContain(UNDATED_STORY);
        assertThat(titles(Map.of("from", "1900-01-01"))).hasSize(11).doesNotContain(UNDATED_STORY);
        assertThat(titles(Map.of("from", "2025-01-25"))).isEmpty();
    }

    @Test
    void excerptFalse_hidesTheTeasers_andExcerptTrue_showsOnlyThem() {
        assertThat(titles(Map.of("excerpt", "false"))).containsExactly(DATED_STORY, UNDATED_STORY);
        assertThat(titles(Map.of("excerpt", "false", "limit", "1"))).containsExactly(DATED_STORY, UNDATED_STORY);
        assertThat(titles(Map.of("excerpt", "true", "limit", "3"))).hasSize(10).doesNotContain(DATED_STORY, UNDATED_STORY);
        assertThat(titles(Map.of("excerpt", "false", "from", "2025-01-01"))).containsExactly(DATED_STORY);
        assertThat(titles(Map.of("excerpt", "false", "q", "kim jong"))).containsExactly(DATED_STORY, UNDATED_STORY);
        assertThat(titles(Map.of("excerpt", "true", "q", "kim jong"))).isEmpty();
        assertThat(titles(Map.of("excerpt", "false", "author", "Ruta Deshpande"))).containsExactly(UNDATED_STORY);
        assertThat(titles(Map.of("excerpt", "true", "author", "Ruta Deshpande"))).isEmpty();
    }

    @Test
    void excerpt_combinesWithATag() {
        Article taggedStory = tagged(Articles.published("Harbour reopens", Instant.parse("2025-02-01T00:00:00Z")), false);
        Article taggedTeaser = tagged(Articles.published("Harbour teaser", Instant.parse("2025-02-02T00:00:00Z")), true);
        seeds.putAll(List.of(taggedStory, taggedTeaser), Map.of(taggedStory.id(), "edited", taggedTeaser.id(), "edited"));

        assertThat(titles(Map.of("tag", "testing"))).containsExactly("Harbour teaser", "Harbour reopens");
        assertThat(titles(Map.of("tag", "testing", "excerpt", "false"))).containsExactly("Harbour reopens");
        assertThat(titles(Map.of("tag", "testing", "excerpt", "true", "limit", "1"))).containsExactly("Harbour teaser");
        assertThat(titles(Map.of("excerpt", "false", "limit", "2"))).containsExactly("Harbour reopens", DATED_STORY, UNDATED_STORY);
    }

    @Test
    void excerpt_takesOnlyTrueOrFalse_andItsCursorsServeNoOtherFilter() {
        APIGatewayV2HTTPResponse bad = list.handleRequest(listEvent(Map.of("excerpt", "no")), null);
        String cursor = json(list.handleRequest(listEvent(Map.of("excerpt", "false", "limit", "1")), null)).get("nextCursor").asText();
        String unfiltered = json(list.handleRequest(listEvent(Map.of("limit", "1")), null)).get("nextCursor").asText();

        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad).get("parameter").asText()).isEqualTo("excerpt");
        for (Map<String, String> other : List.of(Map.of("cursor", cursor), Map.of("cursor", cursor, "excerpt", "true"),
                Map.of("cursor", unfiltered, "excerpt", "false"))) {
            APIGatewayV2HTTPResponse reused = list.handleRequest(listEvent(other), null);
            assertThat(reused.getStatusCode()).as("%s", other).isEqualTo(400);
            assertThat(json(reused).get("parameter").asText()).isEqualTo("cursor");
        }
        assertThat(list.handleRequest(listEvent(Map.of("cursor", cursor, "excerpt", "false")), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void listFields_theIndexesDoNotHold_areReadFromTheArticlesThemselves() {
        List<JsonNode> items = pageThrough(Map.of("excerpt", "false", "fields", "title,author,source,body"));

        JsonNode undated = items.get(1);
        assertThat(undated.get("author").get("bio").asText()).startsWith("Ruta Deshpande is a seasoned");
        assertThat(undated.get("source").get("file").asText()).isEqualTo("003_f1dc891d24e002f1.txt");
        assertThat(undated.get("body").size()).isGreaterThan(10);
        assertThat(items.get(0).get("body").get(0).get("text").asText()).startsWith("After assuming office");
    }

    @Test
    void anEdit_leavesAnUndatedStoryUndated_afterTheDatedNews() {
        String id = pageThrough(Map.of()).stream().filter(item -> item.get("title").asText().equals(UNDATED_STORY))
                .findFirst().orElseThrow().get("id").asText();

        APIGatewayV2HTTPResponse patched = patch.handleRequest(editorPatch(id, "{\"summary\": \"Trump on North Korea.\"}",
                "\"" + id + "-1\""), null);

        assertThat(patched.getStatusCode()).as(patched.getBody()).isEqualTo(200);
        assertThat(json(patched).has("publishedAt")).isFalse();
        List<String> titles = titles(Map.of());
        assertThat(titles).hasSize(12);
        assertThat(titles.getLast()).isEqualTo(UNDATED_STORY);
    }

    private List<String> titles(Map<String, String> query) {
        return pageThrough(query).stream().map(item -> item.get("title").asText()).toList();
    }

    private List<JsonNode> pageThrough(Map<String, String> query) {
        List<JsonNode> items = new ArrayList<>();
        Map<String, String> next = new HashMap<>(query);
        for (int pages = 0; pages < 20; pages++) {
            APIGatewayV2HTTPResponse response = list.handleRequest(listEvent(next), null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode page = json(response);
            page.get("items").forEach(items::add);
            if (page.get("nextCursor").isNull()) {
                return items;
            }
            next.put("cursor", page.get("nextCursor").asText());
        }
        throw new AssertionError("paging did not end");
    }

    private static APIGatewayV2HTTPEvent listEvent(Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /articles").withRawPath("/articles")
                .withQueryStringParameters(query).build();
    }

    private static Article tagged(Article article, boolean excerpt) {
        return Articles.from(article).excerpt(excerpt).version(1).build();
    }

    private static APIGatewayV2HTTPEvent editorPatch(String id, String body, String etag) {
        String path = "/articles/" + id;
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "editor-1", "cognito:groups", "[editors]")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("PATCH").withPath(path).build())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path)
                .withHeaders(Map.of("content-type", "application/merge-patch+json", "if-match", etag))
                .withPathParameters(Map.of("id", id)).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(context).build();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}

package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.codec.Json;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.EventFiles;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Scheduled publishing through the handlers, replaying the real events of events/: an article
 * scheduled ahead is absent from every read until its instant and present in every read from it,
 * with nothing run in between. The clock is the test's, so the instant is crossed exactly, without waiting.
 */
class ScheduledPublishingTest {

    /** The instant the events of events/ were sent at (their requestContext.time). */
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final DynamoDbClient dynamo = TestDatabase.client();
    private final ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
    private final ArticleService reader = new ArticleService(store, clock);
    private final CreateArticleHandler create = new CreateArticleHandler(new EditorService(store, clock));
    private final GetArticleHandler get = new GetArticleHandler(reader);
    private final ListArticlesHandler list = new ListArticlesHandler(reader, HandlerFactory.cursors());
    private final ListTagsHandler tags = new ListTagsHandler(reader, HandlerFactory.countCursors());

    @Test
    void aScheduledArticle_isInvisibleUntilItsInstant_thenOnEveryRead() throws JsonProcessingException {
        Instant publishAt = START.plus(Duration.ofHours(2));
        APIGatewayV2HTTPEvent scheduling = EventFiles.load("create-article.json");
        ObjectNode story = (ObjectNode) Json.mapper().readTree(scheduling.getBody());
        story.put("status", "scheduled").put("publishAt", publishAt.toString());
        scheduling.setBody(story.toString());

        APIGatewayV2HTTPResponse created = create.handleRequest(scheduling, null);

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode article = json(created);
        assertThat(article.get("status").asText()).isEqualTo("scheduled");
        assertThat(article.get("publishedAt").asText()).isEqualTo(publishAt.toString());
        String id = article.get("id").asText();

        clock.set(publishAt.minusMillis(1));
        assertThat(status(id)).isEqualTo(404);
        assertThat(titles(Map.of("q", "harbour"))).isEmpty();
        assertThat(titles(Map.of("tag", "coast"))).isEmpty();
        assertThat(tagNames()).doesNotContain("coast");

        clock.set(publishAt);
        APIGatewayV2HTTPResponse visible = get.handleRequest(EventFiles.withPath("get-article.json", Map.of("id", id)), null);
        assertThat(visible.getStatusCode()).isEqualTo(200);
        assertThat(json(visible).get("status").asText()).isEqualTo("published");
        assertThat(titles(Map.of("q", "harbour"))).containsExactly("Harbour reopens after the storm");
        assertThat(titles(Map.of("tag", "coast"))).containsExactly("Harbour reopens after the storm");
        assertThat(tagNames()).contains("coast", "weather");
    }

    private int status(String id) {
        return get.handleRequest(EventFiles.withPath("get-article.json", Map.of("id", id)), null).getStatusCode();
    }

    private List<String> titles(Map<String, String> query) {
        List<String> titles = new ArrayList<>();
        json(list.handleRequest(EventFiles.withQuery("list-articles.json", query), null)).get("items")
                .forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private List<String> tagNames() {
        List<String> names = new ArrayList<>();
        json(tags.handleRequest(EventFiles.load("list-tags.json"), null)).get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}

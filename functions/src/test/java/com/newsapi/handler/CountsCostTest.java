package com.newsapi.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.model.ArticleDraft;
import com.newsapi.model.ArticleStatus;
import com.newsapi.model.Author;
import com.newsapi.model.Block;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** What a /tags or /authors page costs: its own counters, not the table. */
class CountsCostTest {

    private final AtomicInteger itemsRead = new AtomicInteger();
    private int created;
    private final DynamoDbClient dynamo = TestDatabase.client(new ExecutionInterceptor() {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            SdkResponse response = context.response();
            if (response instanceof QueryResponse query) {
                itemsRead.addAndGet(query.scannedCount());
            }
        }
    });
    private final ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final EditorService editor = new EditorService(store, clock);
    private final ListTagsHandler tags = new ListTagsHandler(new ArticleService(store, clock), HandlerFactory.countCursors());
    private final ListAuthorsHandler authors = new ListAuthorsHandler(new ArticleService(store, clock), HandlerFactory.countCursors());

    @Test
    void aPage_readsItsCounters_howeverManyArticlesAndNamesTheTableHolds() {
        int small = readsPerPage(66);
        int large = readsPerPage(180);

        assertThat(large).as("items read by a default page of /tags and of /authors, 66 articles: %d; 180 articles", small)
                .isEqualTo(small)
                .isLessThanOrEqualTo(2 * (20 + 1));
    }

    /** Grows the table to {@code articles} (each with its own tag and author, three of each per name), then reads a page of each route. */
    private int readsPerPage(int articles) {
        for (int i = created; i < articles; i++, created++) {
            String name = "name " + (i / 3);
            editor.create(new ArticleDraft("Story " + i, "Summary.", List.of(Block.paragraph("Text " + i + ".")),
                    new Author(name, null), List.of(name), Optional.of(ArticleStatus.PUBLISHED), Optional.empty()));
        }
        itemsRead.set(0);
        for (var route : List.of(tags, authors)) {
            APIGatewayV2HTTPResponse response = route.handleRequest(
                    APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/tags").withQueryStringParameters(Map.of()).build(), null);
            assertThat(response.getStatusCode()).isEqualTo(200);
        }
        return itemsRead.get();
    }
}

package com.newsapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.handler.GetArticleHandler;
import com.newsapi.handler.ListArticlesHandler;
import com.newsapi.handler.PublishChangesHandler;
import com.newsapi.handler.SyncHandler;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The factory of a container's clients and services: each built once, on its first ask; a missing setting fails at init. */
class DependenciesTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));

    @Test
    void everyHandlerOfAGraph_sharesItsOneStoreAndServices() {
        Dependencies dependencies = new Dependencies(localTable(Map.of(Config.SYNC_TOKEN_KEY, "key-0123456789abcdef")), clock);

        new GetArticleHandler(dependencies);
        new ListArticlesHandler(dependencies);
        new SyncHandler(dependencies);

        assertThat(dependencies.store()).isSameAs(dependencies.store());
        assertThat(dependencies.articles()).isSameAs(dependencies.articles());
        assertThat(dependencies.positions()).isSameAs(dependencies.positions());
        assertThat(dependencies.credentials()).isSameAs(dependencies.credentials());
    }

    @Test
    void aHandler_answersFromTheTableOfItsGraph_onTheGraphsClock() {
        Dependencies dependencies = new Dependencies(localTable(Map.of()), clock);
        GetArticleHandler handler = new GetArticleHandler(dependencies);

        var response = handler.handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/articles/0000000000000000")
                .withPathParameters(Map.of("id", "0000000000000000")).build(), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(dependencies.clock()).isSameAs(clock);
    }

    @Test
    void aFunctionWithoutItsTable_failsAtInit_namingTheVariable() {
        Dependencies dependencies = new Dependencies(Config.from(Map.of()), clock);

        assertThatThrownBy(() -> new GetArticleHandler(dependencies)).hasMessageContaining(Config.TABLE_NAME);
    }

    @Test
    void theListFunctionWithoutASigningKey_failsAtInit_namingBothSettings() {
        Dependencies dependencies = new Dependencies(localTable(Map.of()), clock);

        assertThatThrownBy(() -> new ListArticlesHandler(dependencies))
                .hasMessageContaining(Config.SYNC_TOKEN_KEY).hasMessageContaining(Config.SYNC_TOKEN_KEY_PARAMETER);
    }

    @Test
    void theChangePublisherWithoutItsBus_failsAtInit_namingTheVariable() {
        Dependencies dependencies = new Dependencies(Config.from(Map.of(Config.AWS_REGION, "eu-west-1")), clock);

        assertThatThrownBy(() -> new PublishChangesHandler(dependencies)).hasMessageContaining(Config.EVENT_BUS_NAME);
    }

    @Test
    void theChangePublisher_needsNoTable_andHasACdnOnlyWhenOneIsNamed() {
        Dependencies withoutCdn = new Dependencies(Config.from(Map.of(Config.EVENT_BUS_NAME, "news-events")), clock);
        Dependencies withCdn = new Dependencies(Config.from(Map.of(Config.EVENT_BUS_NAME, "news-events",
                Config.CDN_DISTRIBUTION_ID, "E2EXAMPLE")), clock);

        new PublishChangesHandler(withoutCdn);

        assertThat(withoutCdn.cdn()).isEmpty();
        assertThat(withCdn.cdn()).isPresent();
    }

    private static Config localTable(Map<String, String> more) {
        DynamoDbClient client = TestDatabase.client();
        Map<String, String> environment = new java.util.HashMap<>(more);
        environment.put(Config.TABLE_NAME, TestDatabase.newTable(client));
        environment.put(Config.DYNAMODB_ENDPOINT, TestDatabase.endpoint().toString());
        return Config.from(environment);
    }
}

package com.newsapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.service.ArticleService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.DynamoDbLocal;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The SnapStart hook warms the read paths against the real table, and never fails the snapshot. */
class PrimingTest {

    @Test
    void priming_readsThroughTheStore_andWritesNothing() {
        List<String> operations = new CopyOnWriteArrayList<>();
        ExecutionInterceptor record = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        DynamoDbClient dynamo = DynamoDbLocal.client(record);
        ArticleStore store = new ArticleStore(dynamo, DynamoDbLocal.newTable(dynamo), Backoff.standard());
        operations.clear();

        boolean primed = new Priming(new ArticleService(store, Clock.systemUTC())).prime();

        assertThat(primed).isTrue();
        assertThat(operations).contains("Query", "GetItem")
                .allMatch(operation -> operation.equals("Query") || operation.startsWith("Get") || operation.startsWith("BatchGet"));
    }

    @Test
    void aStoreThatCannotBeReached_onlyCostsTheWarmUp() {
        DynamoDbClient unreachable = DynamoClients.create(new Config("articles", Optional.of(URI.create("http://127.0.0.1:9")), "us-east-1"));
        ArticleStore store = new ArticleStore(unreachable, "articles", Backoff.standard());

        assertThat(new Priming(new ArticleService(store, Clock.systemUTC())).prime()).isFalse();
    }
}

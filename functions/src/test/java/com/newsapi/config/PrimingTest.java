package com.newsapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.service.ArticleService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import com.newsapi.testing.TestClock;
import com.newsapi.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SnapStart hook warms the read paths against the real table, and never fails the snapshot; a
 * function that cannot load its credentials says so loudly.
 */
class PrimingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void priming_readsThroughTheStore_andWritesNothing() {
        List<String> operations = new CopyOnWriteArrayList<>();
        ExecutionInterceptor record = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        DynamoDbClient dynamo = TestDatabase.client(record);
        ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
        operations.clear();

        boolean primed = new Priming(new ArticleService(store, new TestClock(NOW))).prime();

        assertThat(primed).isTrue();
        assertThat(operations).contains("Query", "GetItem")
                .allMatch(operation -> operation.equals("Query") || operation.startsWith("Get") || operation.startsWith("BatchGet"));
    }

    @Test
    void aStoreThatCannotBeReached_onlyCostsTheWarmUp() {
        DynamoDbClient unreachable = DynamoClients.create(new Config("articles", Optional.of(URI.create("http://127.0.0.1:9")), "us-east-1"));
        ArticleStore store = new ArticleStore(unreachable, "articles", Backoff.standard());

        assertThat(new Priming(new ArticleService(store, new TestClock(NOW))).prime()).isFalse();
    }

    @Test
    void credentialsThatCannotBeLoaded_areLoggedAsAnError_namingTheCause_withTheStackTrace() {
        // The SDK's own failure, as on a SnapStart function that reads only environment keys: no provider has credentials.
        AwsCredentialsProvider noCredentials = AwsCredentialsProviderChain.of(ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(InputStream.nullInputStream()).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("absent")
                .build());
        DynamoDbClient dynamo = DynamoClients.create(new Config("articles", Optional.of(URI.create("http://127.0.0.1:9")), "us-east-1"), noCredentials);
        ArticleStore store = new ArticleStore(dynamo, "articles", Backoff.standard());
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        boolean primed = new Priming(new ArticleService(store, new TestClock(NOW)), new PrintStream(log, true, StandardCharsets.UTF_8)).prime();

        assertThat(primed).isFalse();
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).startsWith("ERROR ").contains("credentials could not be loaded")
                .contains("Unable to load credentials from any of the providers in the chain");
        assertThat(lines).filteredOn(line -> line.startsWith("ERROR")).hasSize(1);
        assertThat(lines).anyMatch(line -> line.startsWith("\tat software.amazon.awssdk."));
    }

    @Test
    void aStoreThatCannotBeReached_isOnlyAWarning() {
        DynamoDbClient unreachable = DynamoClients.create(new Config("articles", Optional.of(URI.create("http://127.0.0.1:9")), "us-east-1"));
        ArticleStore store = new ArticleStore(unreachable, "articles", Backoff.standard());
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        new Priming(new ArticleService(store, new TestClock(NOW)), new PrintStream(log, true, StandardCharsets.UTF_8)).prime();

        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith("priming skipped a step: ").doesNotContain("ERROR");
    }

    /**
     * The graph a Lambda handler's constructor builds is garbage once the constructor returns (the
     * handler keeps only its services), and the CRaC context holds its resources weakly: the hook
     * must stay reachable until the snapshot all the same.
     */
    @Test
    void aRegisteredHook_staysReachable_onceNothingElseHoldsIt() throws InterruptedException {
        WeakReference<Priming> hook = registeredAndForgotten();

        for (int i = 0; i < 5 && hook.get() != null; i++) {
            System.gc();
            Thread.sleep(10); // lets the collector run; no clock is read
        }

        assertThat(hook.get()).isNotNull();
    }

    private static WeakReference<Priming> registeredAndForgotten() {
        DynamoDbClient unreachable = DynamoClients.create(new Config("articles", Optional.of(URI.create("http://127.0.0.1:9")), "us-east-1"));
        Priming hook = new Priming(new ArticleService(new ArticleStore(unreachable, "articles", Backoff.standard()), new TestClock(NOW)));
        Priming.register(hook);
        return new WeakReference<>(hook);
    }
}

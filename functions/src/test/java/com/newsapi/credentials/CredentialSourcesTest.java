package com.newsapi.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.codec.SyncTokens;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.store.Backoff;
import com.newsapi.store.SeedWrites;
import com.newsapi.testing.Articles;
import com.newsapi.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The functions sign every AWS call with the credentials Lambda gives them, whichever way it gives
 * them: container credentials (SnapStart) or environment keys (without). Each case starts a fresh
 * JVM whose environment holds only that one kind, as a Lambda container's does, and runs four
 * functions there ({@link InvokeFunctionsMain}) against loopback stand-ins ({@link StandInAws}).
 */
class CredentialSourcesTest {

    private static final StandInAws.ServedCredentials SERVED =
            new StandInAws.ServedCredentials("ASIACONTAINERKEY0001", "container-secret", "container-session-token");
    private static final String AUTHORIZATION_TOKEN = "container-authorization-token-7f3a";
    private static final String PARAMETER = "/news-api/sync-token-key";
    private static final String SIGNING_KEY = "sync-key-from-parameter-store-1";
    private static final String PREVIOUS_KEY = "sync-key-from-parameter-store-0";
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);
    /** Every setting the child must not inherit from whoever runs the tests. */
    private static final Set<String> OUR_SETTINGS = Set.of("TABLE_NAME", "DYNAMODB_ENDPOINT", "EVENTBRIDGE_ENDPOINT",
            "SSM_ENDPOINT", "EVENT_BUS_NAME", "SYNC_TOKEN_KEY", "SYNC_TOKEN_KEY_PARAMETER", "CDN_DISTRIBUTION_ID", "CLOUDFRONT_ENDPOINT");

    private final StandInAws aws = new StandInAws(SERVED, AUTHORIZATION_TOKEN, PARAMETER, SIGNING_KEY + "\n" + PREVIOUS_KEY,
            TestDatabase.endpoint());

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void withOnlyContainerCredentials_asUnderSnapStart_everyCallIsSignedWithTheServedKey() throws Exception {
        Map<String, String> credentials = Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.credentialsUri().toString(),
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", AUTHORIZATION_TOKEN);

        Child child = runFunctions(credentials);

        child.assertEveryFunctionSucceeded();
        assertEveryCallSignedWith(SERVED.accessKeyId(), SERVED.sessionToken(), child);
        assertThat(aws.credentialsRequests).as("the child printed:%n%s", child.output()).isNotEmpty().allMatch(AUTHORIZATION_TOKEN::equals);
    }

    @Test
    void withOnlyEnvironmentKeys_asWithoutSnapStart_everyCallIsSignedWithThoseKeys() throws Exception {
        Map<String, String> credentials = Map.of(
                "AWS_ACCESS_KEY_ID", "ASIAENVIRONMENTKEY01",
                "AWS_SECRET_ACCESS_KEY", "environment-secret",
                "AWS_SESSION_TOKEN", "environment-session-token");

        Child child = runFunctions(credentials);

        child.assertEveryFunctionSucceeded();
        assertEveryCallSignedWith("ASIAENVIRONMENTKEY01", "environment-session-token", child);
        assertThat(aws.credentialsRequests).as("the child printed:%n%s", child.output()).isEmpty();
    }

    private void assertEveryCallSignedWith(String accessKeyId, String sessionToken, Child child) {
        assertThat(aws.calls("dynamodb")).as("the child printed:%n%s", child.output()).isNotEmpty()
                .allSatisfy(call -> assertThat(call.target()).startsWith("DynamoDB_20120810."));
        // One read of the key per function that signs with it, at its init: the list's and the sync's
        // (each its own container on Lambda; here each no-arg constructor builds its own graph, as there).
        assertThat(aws.calls("ssm")).as("the child printed:%n%s", child.output()).hasSize(2).allSatisfy(call -> {
            assertThat(call.target()).isEqualTo("AmazonSSM.GetParameter");
            assertThat(call.body()).contains("\"WithDecryption\":true");
        });
        assertThat(aws.calls("events")).as("the child printed:%n%s", child.output()).isNotEmpty()
                .allSatisfy(call -> assertThat(call.target()).isEqualTo("AWSEvents.PutEvents"));
        assertThat(aws.calls("cloudfront")).as("the child printed:%n%s", child.output()).singleElement()
                .satisfies(call -> assertThat(call.target()).endsWith("/distribution/E2EXAMPLE/invalidation"));
        assertThat(aws.calls).as("the child printed:%n%s", child.output()).allSatisfy(call -> {
            assertThat(call.authorization()).contains("Credential=" + accessKeyId + "/");
            assertThat(call.securityToken()).isEqualTo(sessionToken);
        });
        // The sync function signed its token with the first key Parameter Store held.
        assertThat(new SyncTokens(SIGNING_KEY).decode(SyncTokens.TOKEN, child.result("sync").split(" ")[1], ArticleQuery.ALL))
                .isNotNull();
    }

    /** Writes one published article, then runs {@link InvokeFunctionsMain} with the given credentials and nothing else of AWS's. */
    private Child runFunctions(Map<String, String> credentials) throws IOException, InterruptedException {
        DynamoDbClient dynamo = TestDatabase.client();
        String table = TestDatabase.newTable(dynamo);
        Article article = Articles.published("Credentials reach every client", Instant.now().minus(Duration.ofDays(1)));
        new SeedWrites(dynamo, table, Backoff.standard()).putAll(List.of(article), Map.of(article.id(), "seed:story:1"));

        ProcessBuilder process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                InvokeFunctionsMain.class.getName(), article.id(), Path.of("..", "events").toAbsolutePath().normalize().toString());
        Map<String, String> environment = process.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || OUR_SETTINGS.contains(name));
        environment.putAll(Map.of(
                "TABLE_NAME", table,
                "AWS_REGION", "eu-west-1",
                "DYNAMODB_ENDPOINT", aws.dynamoDbEndpoint().toString(),
                "SSM_ENDPOINT", aws.ssmEndpoint().toString(),
                "EVENTBRIDGE_ENDPOINT", aws.eventBridgeEndpoint().toString(),
                "EVENT_BUS_NAME", "news-events",
                "CDN_DISTRIBUTION_ID", "E2EXAMPLE",
                "CLOUDFRONT_ENDPOINT", aws.cloudFrontEndpoint().toString(),
                "SYNC_TOKEN_KEY", "",
                "SYNC_TOKEN_KEY_PARAMETER", PARAMETER));
        environment.putAll(credentials);
        Path output = Files.createTempFile("invoke-functions", ".log");
        process.redirectErrorStream(true).redirectOutput(output.toFile());

        Process child = process.start();
        boolean exited = child.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertThat(exited).as("the child JVM finished within %s; it printed:%n%s", CHILD_TIMEOUT, printed).isTrue();
        return new Child(child.exitValue(), printed);
    }

    /** What the child JVM printed: its {@code result <step> <value>} lines among the functions' own logs. */
    private record Child(int exitCode, String output) {

        String result(String step) {
            String prefix = "result " + step + " ";
            return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                    .findFirst().orElse("(no result for " + step + ")");
        }

        void assertEveryFunctionSucceeded() {
            Map<String, String> results = new HashMap<>();
            for (String step : List.of("get", "list", "sync", "publish-failures", "primed")) {
                results.put(step, result(step).split(" ")[0]);
            }
            assertThat(exitCode).as("exit code; the child printed:%n%s", output).isZero();
            assertThat(results).as("the child printed:%n%s", output)
                    .containsEntry("get", "200")
                    .containsEntry("list", "200")
                    .containsEntry("sync", "200")
                    .containsEntry("publish-failures", "0")
                    .containsEntry("primed", "true");
        }
    }
}

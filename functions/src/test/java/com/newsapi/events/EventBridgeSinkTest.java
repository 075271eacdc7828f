package com.newsapi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.config.Config;
import com.newsapi.config.EventBridgeClients;
import com.newsapi.codec.Json;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The sink through the real SDK client, built as the function builds it ({@link EventBridgeClients}),
 * against a stand-in EventBridge on loopback that answers PutEvents as scripted per call.
 */
class EventBridgeSinkTest {

    /** One request the stand-in got: its headers (lower-case names) and JSON body. */
    private record Request(Map<String, String> headers, JsonNode body) {
        int entries() {
            return body.path("Entries").size();
        }
    }

    /** What the stand-in answers. */
    private record Reply(int status, String body) {
    }

    /** How the stand-in answers the n-th request (from 0) carrying so many entries. */
    private interface Script {
        Reply answer(int request, int entries);
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Script script = (request, entries) -> everyEntryPut(entries);
    private final HttpServer server = start();
    private final EventBridgeClient client = EventBridgeClients.create(
            Config.from(Map.of(Config.AWS_REGION, "eu-west-1",
                    Config.EVENTBRIDGE_ENDPOINT, "http://127.0.0.1:" + server.getAddress().getPort() + "/")),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    private final EventBridgeSink sink = new EventBridgeSink(client, "news-bus");

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void send_signsAPutEventsCall_withOneEntryPerChange_inTheDocumentedShape() {
        // when
        int delivered = sink.send(List.of(change(1), change(2)));

        // then
        assertThat(delivered).isEqualTo(2);
        Request request = requests.getFirst();
        assertThat(request.headers().get("x-amz-target")).isEqualTo("AWSEvents.PutEvents");
        assertThat(request.headers().get("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.headers().get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/events/aws4_request");
        JsonNode entry = request.body().get("Entries").get(0);
        assertThat(entry.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("EventBusName", "Source", "DetailType", "Detail");
        assertThat(entry.get("EventBusName").asText()).isEqualTo("news-bus");
        assertThat(entry.get("Source").asText()).isEqualTo("news-api.articles");
        assertThat(entry.get("DetailType").asText()).isEqualTo("ArticleUpdated");
        assertThat(entry.get("Detail").asText())
                .isEqualTo("{\"id\":\"article-1\",\"slug\":\"slug-1\",\"version\":2,\"changedFields\":[\"title\"]}");
        assertThat(request.body().get("Entries").get(1).get("Detail").asText()).isEqualTo(EventBridgeSink.detail(change(2)));
    }

    @Test
    void send_putsTwentyThreeChanges_inCallsOfTenTenAndThree_inOrder() {
        // given
        List<ChangeEvent> changes = changes(23);

        // when
        int delivered = sink.send(changes);

        // then
        assertThat(delivered).isEqualTo(23);
        assertThat(requests).extracting(Request::entries).containsExactly(10, 10, 3);
        assertThat(sentIds()).containsExactlyElementsOf(changes.stream().map(ChangeEvent::id).toList());
    }

    @Test
    void send_stopsAtTheFirstFailedEntry_andSendsNothingAfterIt() {
        // given: the second call puts its first four entries, the fifth fails (the SDK does not retry entries)
        List<ChangeEvent> changes = changes(23);
        script = (request, entries) -> request == 1 ? entryFails(entries, 4) : everyEntryPut(entries);

        // when
        int delivered = sink.send(changes);

        // then: 10 + 4 delivered; the handler reports change 14 and Lambda retries from there
        assertThat(delivered).isEqualTo(14);
        assertThat(requests).extracting(Request::entries).containsExactly(10, 10);
    }

    @Test
    void send_countsAnAnswerEntryWithoutAnEventId_asNotDelivered() {
        // given: an answer that neither puts nor fails the second entry, and lists no third
        script = (request, entries) -> new Reply(200, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"},{}]}");

        // when
        int delivered = sink.send(changes(3));

        // then
        assertThat(delivered).isEqualTo(1);
    }

    @Test
    void send_retriesAServerError_andThenDelivers() {
        // given: the first attempt answers 500
        script = (request, entries) -> request == 0 ? serverError() : everyEntryPut(entries);

        // when
        int delivered = sink.send(changes(3));

        // then: the SDK sent the same call again
        assertThat(delivered).isEqualTo(3);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
    }

    @Test
    void send_retriesAThrottledCall_andThenDelivers() {
        // given
        script = (request, entries) -> request == 0
                ? new Reply(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")
                : everyEntryPut(entries);

        // when
        int delivered = sink.send(changes(2));

        // then
        assertThat(delivered).isEqualTo(2);
        assertThat(requests).hasSize(2);
    }

    @Test
    void send_deliversNothingFromAFailedCallOn_onceTheSdkHasGivenUpRetrying() {
        // given: the first call succeeds, then every attempt answers 500
        script = (request, entries) -> request == 0 ? everyEntryPut(entries) : serverError();

        // when
        int delivered = sink.send(changes(23));

        // then: the first ten count; the second call was tried three times (the retry strategy's
        // limit), and the third never sent
        assertThat(delivered).isEqualTo(10);
        assertThat(requests).extracting(Request::entries).containsExactly(10, 10, 10, 10);
    }

    @Test
    void send_deliversNothing_whenTheBusCannotBeReached() {
        // given
        server.stop(0);

        // when
        int delivered = sink.send(changes(2));

        // then: no exception; the handler reports the first change
        assertThat(delivered).isZero();
    }

    private List<String> sentIds() {
        List<String> ids = new ArrayList<>();
        for (Request request : requests) {
            for (JsonNode entry : request.body().get("Entries")) {
                ids.add(readTree(entry.get("Detail").asText()).get("id").asText());
            }
        }
        return ids;
    }

    private static List<ChangeEvent> changes(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(EventBridgeSinkTest::change).toList();
    }

    private static ChangeEvent change(int n) {
        return new ChangeEvent(ChangeEvent.UPDATED, "article-" + n, "slug-" + n, 2, List.of("title"));
    }

    private static Reply everyEntryPut(int entries) {
        return entryFails(entries, -1);
    }

    /** Every entry put but the one at {@code failed} (none if negative), which fails as throttled. */
    private static Reply entryFails(int entries, int failed) {
        ObjectNode body = Json.mapper().createObjectNode().put("FailedEntryCount", failed < 0 ? 0 : 1);
        ArrayNode results = body.putArray("Entries");
        for (int i = 0; i < entries; i++) {
            if (i == failed) {
                results.addObject().put("ErrorCode", "ThrottlingException").put("ErrorMessage", "Rate exceeded");
            } else {
                results.addObject().put("EventId", "event-" + i);
            }
        }
        return new Reply(200, body.toString());
    }

    private static Reply serverError() {
        return new Reply(500, "{\"__type\":\"InternalException\",\"message\":\"stand-in failure\"}");
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
                Request request = new Request(headers, Json.mapper().readTree(exchange.getRequestBody()));
                int index = requests.size();
                requests.add(request);
                Reply reply = script.answer(index, request.entries());
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

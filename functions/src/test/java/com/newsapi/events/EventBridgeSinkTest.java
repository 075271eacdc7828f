package com.newsapi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.http.Json;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The PutEvents call on the wire, against a stand-in EventBridge endpoint on loopback. */
class EventBridgeSinkTest {

    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile String answer = "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"},{\"EventId\":\"e-2\"}]}";
    private volatile int status = 200;
    private final HttpServer server = start();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void send_signsAPutEventsCall_withOneEntryPerChange() {
        int delivered = sink().send(List.of(change("a"), change("b")));

        assertThat(delivered).isEqualTo(2);
        Map<String, String> headers = requests.getFirst();
        assertThat(headers.get("x-amz-target")).isEqualTo("AWSEvents.PutEvents");
        assertThat(headers.get("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(headers.get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/events/aws4_request");
        JsonNode entry = bodies.getFirst().get("Entries").get(0);
        assertThat(entry.get("EventBusName").asText()).isEqualTo("news-bus");
        assertThat(entry.get("Source").asText()).isEqualTo("news-api.articles");
        assertThat(entry.get("DetailType").asText()).isEqualTo("ArticleUpdated");
        assertThat(entry.get("Detail").asText()).isEqualTo(EventBridgeSink.detail(change("a")));
    }

    @Test
    void send_stopsAtTheFirstFailedEntry() {
        answer = "{\"FailedEntryCount\":1,\"Entries\":[{\"EventId\":\"e-1\"},{\"ErrorCode\":\"ThrottlingException\"}]}";

        assertThat(sink().send(List.of(change("a"), change("b")))).isEqualTo(1);
    }

    @Test
    void send_deliversNothing_whenTheCallFails() {
        status = 500;

        assertThat(sink().send(List.of(change("a")))).isZero();
    }

    private EventBridgeSink sink() {
        return new EventBridgeSink(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "eu-west-1", "news-bus");
    }

    private static ChangeEvent change(String id) {
        return new ChangeEvent(ChangeEvent.UPDATED, id, "slug-" + id, 2, List.of("title"));
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
                requests.add(headers);
                bodies.add(Json.mapper().readTree(exchange.getRequestBody()));
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
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

package com.newsapi.bench;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.handler.PublishChangesHandler;
import com.newsapi.codec.Json;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change publisher's cold start: a fresh JVM that builds {@link PublishChangesHandler} with its
 * no-arg constructor (as Lambda's init does: configuration from the environment and system
 * properties, the EventBridge client and credentials) and hands it one real stream batch
 * (events/article-changes.json: four article changes, one PutEvents call) against a stand-in
 * EventBridge, then prints:
 * <pre>
 * answered-at-ms &lt;wall clock when the handler returned&gt;
 * init-ms &lt;the constructor&gt;
 * invoke-ms &lt;the first handleRequest&gt;
 * </pre>
 * The batch is read before the clock starts, with jackson-core's streaming parser only, so the
 * handler finds no class loaded for it (Lambda's runtime deserialises events outside the handler).
 *
 * <p>{@code serve} instead runs the stand-in EventBridge on a free loopback port (every entry of
 * every PutEvents call put), prints {@code EventBridge stand-in: <url>}, and serves until killed or
 * until the shell that started it exits. It is a JVM of its own so the measured one stays cold.
 */
public final class PublisherColdMain {

    private PublisherColdMain() {
    }

    /** {@code args}: the fixture's path; or {@code serve}. */
    public static void main(String[] args) throws Exception {
        if ("serve".equals(args[0])) {
            serve();
            return;
        }
        DynamodbEvent batch = streamEvent(Path.of(args[0]));

        long start = System.nanoTime();
        PublishChangesHandler handler = new PublishChangesHandler(BenchDependencies.fromSystemProperties());
        long built = System.nanoTime();
        StreamsEventResponse response = handler.handleRequest(batch, null);
        long answered = System.nanoTime();
        long answeredAt = System.currentTimeMillis();

        if (!response.getBatchItemFailures().isEmpty()) {
            System.err.println("not delivered from " + response.getBatchItemFailures().getFirst().getItemIdentifier());
            System.exit(1);
        }
        System.out.println("answered-at-ms " + answeredAt);
        System.out.printf("init-ms %.1f%n", (built - start) / 1e6);
        System.out.printf("invoke-ms %.1f%n", (answered - built) / 1e6);
    }

    // ---- the stand-in EventBridge -------------------------------------------------------------

    private static void serve() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int entries = mapper.readTree(exchange.getRequestBody()).path("Entries").size();
            ObjectNode answer = mapper.createObjectNode().put("FailedEntryCount", 0);
            ArrayNode ids = answer.putArray("Entries");
            for (int i = 0; i < entries; i++) {
                ids.addObject().put("EventId", "stand-in-" + i);
            }
            byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // No stand-in outlives the benchmark script that started it.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        System.out.println("EventBridge stand-in: http://127.0.0.1:" + server.getAddress().getPort() + "/");
        System.out.flush();
    }

    // ---- the stream batch, from the fixture ---------------------------------------------------

    @SuppressWarnings("unchecked")
    private static DynamodbEvent streamEvent(Path fixture) throws IOException {
        Map<String, Object> json;
        try (InputStream in = Files.newInputStream(fixture); JsonParser parser = Json.factory().createParser(in)) {
            parser.nextToken();
            json = (Map<String, Object>) value(parser);
        }
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (Object item : (List<Object>) json.get("Records")) {
            Map<String, Object> record = (Map<String, Object>) item;
            Map<String, Object> data = (Map<String, Object>) record.get("dynamodb");
            StreamRecord stream = new StreamRecord()
                    .withSequenceNumber((String) data.get("SequenceNumber"))
                    .withKeys(image(data.get("Keys")))
                    .withNewImage(image(data.get("NewImage")))
                    .withOldImage(image(data.get("OldImage")));
            DynamodbEvent.DynamodbStreamRecord streamRecord = new DynamodbEvent.DynamodbStreamRecord();
            streamRecord.setEventID((String) record.get("eventID"));
            streamRecord.setEventName((String) record.get("eventName"));
            streamRecord.setEventSource((String) record.get("eventSource"));
            streamRecord.setAwsRegion((String) record.get("awsRegion"));
            streamRecord.setEventSourceARN((String) record.get("eventSourceARN"));
            streamRecord.setDynamodb(stream);
            records.add(streamRecord);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue> image(Object json) {
        if (json == null) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        ((Map<String, Object>) json).forEach((name, value) -> image.put(name, attribute((Map<String, Object>) value)));
        return image;
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue attribute(Map<String, Object> json) {
        var entry = json.entrySet().iterator().next();
        return switch (entry.getKey()) {
            case "S" -> new AttributeValue().withS((String) entry.getValue());
            case "N" -> new AttributeValue().withN((String) entry.getValue());
            case "BOOL" -> new AttributeValue().withBOOL((Boolean) entry.getValue());
            case "NULL" -> new AttributeValue().withNULL(true);
            case "SS" -> new AttributeValue().withSS((List<String>) entry.getValue());
            case "M" -> new AttributeValue().withM(image(entry.getValue()));
            case "L" -> new AttributeValue().withL(((List<Object>) entry.getValue()).stream()
                    .map(item -> attribute((Map<String, Object>) item)).toList());
            default -> throw new IllegalArgumentException("attribute type not in the fixture reader: " + entry.getKey());
        };
    }

    /** The value at the parser's current token, as maps, lists, strings, numbers and booleans. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + token);
        }
    }
}

package com.newsapi.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.codec.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What a function talks to on AWS, on loopback: a container credentials endpoint (as Lambda runs
 * for SnapStart functions), DynamoDB (a proxy to the real local engine), Parameter Store and
 * EventBridge and CloudFront (CreateInvalidation). Each records every request it gets, so a test can
 * check who signed it.
 */
final class StandInAws implements AutoCloseable {

    /** One request to a stand-in service; {@code target} is its X-Amz-Target, or method and path for a REST API. */
    record Call(String service, String target, String authorization, String securityToken, String body) {
    }

    /** What the credentials endpoint hands out. */
    record ServedCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The Authorization header of every request to the credentials endpoint. */
    final List<String> credentialsRequests = new CopyOnWriteArrayList<>();

    private final ServedCredentials served;
    private final String authorizationToken;
    private final String parameterName;
    private final String parameterValue;
    private final URI engine;
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<HttpServer> servers = new ArrayList<>();
    private final HttpServer credentials;
    private final HttpServer dynamoDb;
    private final HttpServer ssm;
    private final HttpServer eventBridge;
    private final HttpServer cloudFront;

    /**
     * @param served             the credentials the container endpoint serves
     * @param authorizationToken the token it demands in the Authorization header (403 otherwise)
     * @param parameterName      the one SecureString Parameter Store holds
     * @param engine             the real DynamoDB engine the proxy forwards to
     */
    StandInAws(ServedCredentials served, String authorizationToken, String parameterName, String parameterValue, URI engine) {
        this.served = served;
        this.authorizationToken = authorizationToken;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.engine = engine;
        this.credentials = serve(this::credentials);
        this.dynamoDb = serve(exchange -> proxyToEngine(exchange, record("dynamodb", exchange)));
        this.ssm = serve(exchange -> getParameter(exchange, record("ssm", exchange)));
        this.eventBridge = serve(exchange -> putEvents(exchange, record("events", exchange)));
        this.cloudFront = serve(exchange -> createInvalidation(exchange, record("cloudfront", exchange)));
    }

    URI credentialsUri() {
        return uri(credentials, "/creds");
    }

    URI dynamoDbEndpoint() {
        return uri(dynamoDb, "");
    }

    URI ssmEndpoint() {
        return uri(ssm, "");
    }

    URI eventBridgeEndpoint() {
        return uri(eventBridge, "/");
    }

    URI cloudFrontEndpoint() {
        return uri(cloudFront, "");
    }

    List<Call> calls(String service) {
        return calls.stream().filter(call -> call.service().equals(service)).toList();
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        threads.close();
    }

    private void credentials(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        credentialsRequests.add(authorization == null ? "" : authorization);
        if (!authorizationToken.equals(authorization)) {
            answer(exchange, 403, "text/plain", "Forbidden");
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode()
                .put("AccessKeyId", served.accessKeyId())
                .put("SecretAccessKey", served.secretAccessKey())
                .put("Token", served.sessionToken())
                .put("Expiration", Instant.now().plus(Duration.ofHours(6)).toString());
        answer(exchange, 200, "application/json", body.toString());
    }

    private void proxyToEngine(HttpExchange exchange, Call call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(exchange.getRequestURI().getRawPath()))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofString(call.body()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.equalsIgnoreCase("transfer-encoding") && !name.equals(":status")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void getParameter(HttpExchange exchange, Call call) throws IOException {
        JsonNode request = Json.mapper().readTree(call.body());
        if (!"AmazonSSM.GetParameter".equals(call.target()) || !parameterName.equals(request.path("Name").asText())) {
            answer(exchange, 400, "application/x-amz-json-1.1", "{\"__type\":\"ParameterNotFound\",\"message\":\"no such parameter\"}");
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("Parameter").put("Name", parameterName).put("Type", "SecureString").put("Value", parameterValue).put("Version", 1);
        answer(exchange, 200, "application/x-amz-json-1.1", body.toString());
    }

    private void putEvents(HttpExchange exchange, Call call) throws IOException {
        int entries = Json.mapper().readTree(call.body()).path("Entries").size();
        ObjectNode body = Json.mapper().createObjectNode().put("FailedEntryCount", 0);
        ArrayNode ids = body.putArray("Entries");
        for (int i = 1; i <= entries; i++) {
            ids.addObject().put("EventId", String.valueOf(i));
        }
        answer(exchange, 200, "application/x-amz-json-1.1", body.toString());
    }

    /** Accepts any invalidation, as CloudFront does when fewer than its limit are in progress. */
    private void createInvalidation(HttpExchange exchange, Call call) throws IOException {
        answer(exchange, 201, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                + "<Id>I1</Id><Status>InProgress</Status><CreateTime>" + Instant.now() + "</CreateTime></Invalidation>");
    }

    private Call record(String service, HttpExchange exchange) throws IOException {
        var headers = exchange.getRequestHeaders();
        String target = headers.getFirst("X-Amz-Target") != null ? headers.getFirst("X-Amz-Target")
                : exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        Call call = new Call(service, target, orEmpty(headers.getFirst("Authorization")),
                orEmpty(headers.getFirst("X-Amz-Security-Token")),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        calls.add(call);
        return call;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private HttpServer serve(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try {
                    handler.handle(exchange);
                } catch (IOException | RuntimeException e) {
                    e.printStackTrace();
                    exchange.close();
                }
            });
            server.setExecutor(threads);
            server.start();
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI uri(HttpServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}

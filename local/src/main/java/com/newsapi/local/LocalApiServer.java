package com.newsapi.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.error.TooManyRequests;
import com.newsapi.http.Problems;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A thin adapter: each HTTP request becomes the API Gateway HTTP API (payload 2.0) event that AWS
 * would send, goes to the route's own handler class, and its response goes back as HTTP. Around
 * the handlers it does what API Gateway does: routing, throttling, the JWT authorizer, CORS, the
 * payload limit. Throttled requests get a 429 problem+json with Retry-After (API Gateway's own
 * answer is {@code {"message":"Too Many Requests"}}; see README).
 */
public final class LocalApiServer implements AutoCloseable {

    /** API Gateway refuses larger request payloads before any function runs. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Routes routes;
    private final SamTemplate.Cors cors;
    private final LocalTokens tokens;
    private final Clock clock;
    private final RateLimiter limiter = new RateLimiter();
    private final LocalAuth auth;

    private LocalApiServer(HttpServer server, Routes routes, SamTemplate.Cors cors, LocalTokens tokens, Clock clock) {
        this.server = server;
        this.routes = routes;
        this.cors = cors;
        this.tokens = tokens;
        this.clock = clock;
        this.auth = new LocalAuth(tokens, clock);
    }

    /** Serves on {@code port} (0 picks a free one) on loopback until {@link #close()}. */
    public static LocalApiServer start(int port, Routes routes, SamTemplate.Cors cors, LocalTokens tokens, Clock clock) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
            LocalApiServer server = new LocalApiServer(http, routes, cors, tokens, clock);
            http.setExecutor(server.threads);
            http.createContext("/", server::serve);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> requestHeaders = exchange.getRequestHeaders();
            Optional<String> origin = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin"));
            String method = exchange.getRequestMethod().toUpperCase();
            String rawPath = exchange.getRequestURI().getRawPath();
            if (method.equals("OPTIONS") && origin.isPresent() && requestHeaders.containsKey("Access-Control-Request-Method")
                    && !cors.allowOrigins().isEmpty()) {
                CorsHeaders.preflight(cors, origin.get()).forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                sendMessage(exchange, 413, "Request Entity Too Large", origin);
                return;
            }
            if (rawPath.startsWith(LocalAuth.PREFIX)) {
                auth.serve(exchange, body); // the desk's sign-in, which on AWS is the user pool's hosted sign-in
                return;
            }
            Optional<Routes.Match> match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                sendMessage(exchange, 404, "Not Found", origin);
                return;
            }
            Optional<SamTemplate.Throttle> throttle = match.get().route().throttle();
            if (throttle.isPresent()) {
                String client = exchange.getRemoteAddress().getAddress().getHostAddress();
                String routeKey = method + " " + match.get().route().path();
                OptionalInt retryAfter = limiter.acquire(client, routeKey, throttle.get(), clock.instant());
                if (retryAfter.isPresent()) {
                    write(exchange, Problems.of(new TooManyRequests(retryAfter.getAsInt()), rawPath), origin);
                    return;
                }
            }
            Map<String, String> claims = null;
            if (match.get().route().authorizer().isPresent()) {
                Optional<Map<String, String>> valid = tokens.validate(requestHeaders.containsKey("Authorization")
                        ? exchange.getRequestHeaders().getFirst("Authorization") : null, clock.instant());
                if (valid.isEmpty()) {
                    exchange.getResponseHeaders().add("www-authenticate", "Bearer");
                    sendMessage(exchange, 401, "Unauthorized", origin);
                    return;
                }
                claims = valid.get();
            }
            APIGatewayV2HTTPEvent event = Events.httpApiEvent(exchange, match.get(), body, claims, clock);
            APIGatewayV2HTTPResponse response;
            try {
                response = invoke(match.get().handler(), event);
            } catch (RuntimeException e) {
                System.err.println("handler " + match.get().route().handlerClass() + " failed: " + e);
                sendMessage(exchange, 500, "Internal Server Error", origin);
                return;
            }
            write(exchange, response, origin);
        }
    }

    @SuppressWarnings("unchecked")
    private static APIGatewayV2HTTPResponse invoke(RequestHandler<?, ?> handler, APIGatewayV2HTTPEvent event) {
        return ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(event, new LocalContext());
    }

    private void write(HttpExchange exchange, APIGatewayV2HTTPResponse response, Optional<String> origin) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        send(exchange, response.getStatusCode(), body, origin);
    }

    /** One of API Gateway's own answers (404, 401, 413, 500), which come as JSON {"message": ...}. */
    private void sendMessage(HttpExchange exchange, int status, String text, Optional<String> origin) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, ("{\"message\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8), origin);
    }

    private void send(HttpExchange exchange, int status, byte[] body, Optional<String> origin) throws IOException {
        if (origin.isPresent() && !cors.allowOrigins().isEmpty()) {
            CorsHeaders.actual(cors, origin.get()).forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        exchange.getResponseHeaders().set("apigw-requestid", Events.requestId());
        boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, noBody || body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        return body.length > MAX_PAYLOAD_BYTES ? null : body;
    }
}

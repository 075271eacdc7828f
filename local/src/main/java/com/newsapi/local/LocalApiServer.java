package com.newsapi.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.error.TooManyRequests;
import com.newsapi.http.Problems;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A thin adapter: each HTTP request becomes the API Gateway HTTP API (payload 2.0) event that AWS
 * would send, goes to the route's own handler class, and its response goes back as HTTP. Around
 * the handlers it does what API Gateway does, each step in a class of its own: CORS and the request
 * id ({@link GatewayReplies}), the payload limit ({@link PayloadLimit}), routing ({@link Routes}),
 * throttling ({@link Throttling}), the JWT authorizer ({@link JwtAuthorizer}). Throttled requests
 * get a 429 problem+json with Retry-After (API Gateway's own answer is
 * {@code {"message":"Too Many Requests"}}; see README).
 */
public final class LocalApiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Routes routes;
    private final GatewayReplies replies;
    private final Throttling throttling;
    private final JwtAuthorizer authorizer;
    private final Clock clock;
    private final LocalAuth auth;

    private LocalApiServer(HttpServer server, Routes routes, SamTemplate.Cors cors, LocalTokens tokens, Clock clock) {
        this.server = server;
        this.routes = routes;
        this.replies = new GatewayReplies(cors);
        this.throttling = new Throttling(clock);
        this.authorizer = new JwtAuthorizer(tokens, clock);
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

    /** One request through API Gateway's steps, in its order; each step's rules live in its own class. */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> origin = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin"));
            String method = exchange.getRequestMethod().toUpperCase();
            String rawPath = exchange.getRequestURI().getRawPath();
            if (replies.isPreflight(exchange, origin)) {
                replies.preflight(exchange, origin.get());
                return;
            }
            Optional<byte[]> body = PayloadLimit.read(exchange.getRequestBody());
            if (body.isEmpty()) {
                replies.message(exchange, 413, "Request Entity Too Large", origin);
                return;
            }
            if (rawPath.startsWith(LocalAuth.PREFIX)) {
                auth.serve(exchange, body.get()); // the desk's sign-in, which on AWS is the user pool's hosted sign-in
                return;
            }
            Optional<Routes.Match> match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                replies.message(exchange, 404, "Not Found", origin);
                return;
            }
            SamTemplate.Route route = match.get().route();
            OptionalInt retryAfter = throttling.retryAfter(exchange.getRemoteAddress().getAddress().getHostAddress(), method, route);
            if (retryAfter.isPresent()) {
                replies.response(exchange, Problems.of(new TooManyRequests(retryAfter.getAsInt()), rawPath), origin);
                return;
            }
            Map<String, String> claims = null;
            if (route.authorizer().isPresent()) {
                Optional<Map<String, String>> valid = authorizer.claims(exchange.getRequestHeaders().getFirst("Authorization"));
                if (valid.isEmpty()) {
                    exchange.getResponseHeaders().add("www-authenticate", "Bearer");
                    replies.message(exchange, 401, "Unauthorized", origin);
                    return;
                }
                claims = valid.get();
            }
            APIGatewayV2HTTPEvent event = Events.httpApiEvent(exchange, match.get(), body.get(), claims, clock);
            APIGatewayV2HTTPResponse response;
            try {
                response = invoke(match.get().handler(), event);
            } catch (RuntimeException e) {
                System.err.println("handler " + route.handlerClass() + " failed: " + e);
                replies.message(exchange, 500, "Internal Server Error", origin);
                return;
            }
            replies.response(exchange, response, origin);
        }
    }

    @SuppressWarnings("unchecked")
    private static APIGatewayV2HTTPResponse invoke(RequestHandler<?, ?> handler, APIGatewayV2HTTPEvent event) {
        return ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(event, new LocalContext());
    }
}

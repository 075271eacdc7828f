package com.newsapi.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Writes answers back as HTTP with what API Gateway adds to every one: the CORS headers of the
 * HttpApi's CorsConfiguration for an allowed Origin, and a request id. Made once per server.
 */
final class GatewayReplies {

    private final SamTemplate.Cors cors;

    GatewayReplies(SamTemplate.Cors cors) {
        this.cors = cors;
    }

    /** A CORS preflight (OPTIONS with Access-Control-Request-Method), which never reaches a function. */
    boolean isPreflight(HttpExchange exchange, Optional<String> origin) {
        return exchange.getRequestMethod().equalsIgnoreCase("OPTIONS") && origin.isPresent()
                && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method") && !cors.allowOrigins().isEmpty();
    }

    void preflight(HttpExchange exchange, String origin) throws IOException {
        CorsHeaders.preflight(cors, origin).forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(204, -1);
    }

    /** A handler's response (or one shaped like it), headers, cookies and a base64 body decoded. */
    void response(HttpExchange exchange, APIGatewayV2HTTPResponse response, Optional<String> origin) throws IOException {
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
    void message(HttpExchange exchange, int status, String text, Optional<String> origin) throws IOException {
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
}

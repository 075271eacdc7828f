package com.newsapi.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the payload-2.0 event API Gateway's HTTP API sends for a request. */
final class Events {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Events() {
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    static APIGatewayV2HTTPEvent httpApiEvent(HttpExchange exchange, Routes.Match match, byte[] body,
                                              Map<String, String> claims, Clock clock) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        cookies.add(cookie.strip());
                    }
                }
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.put("x-forwarded-for", exchange.getRemoteAddress().getAddress().getHostAddress());
        String routeKey = match.route().method() + " " + match.route().path();
        long now = clock.millis();
        RequestContext.Http http = RequestContext.Http.builder()
                .withMethod(match.route().method())
                .withPath(rawPath)
                .withProtocol(exchange.getProtocol())
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        RequestContext.RequestContextBuilder context = RequestContext.builder()
                .withAccountId("123456789012")
                .withApiId("local")
                .withDomainName(headers.getOrDefault("host", "localhost"))
                .withDomainPrefix("localhost")
                .withHttp(http)
                .withRequestId(requestId())
                .withRouteKey(routeKey)
                .withStage("$default")
                .withTime(REQUEST_TIME.format(java.time.Instant.ofEpochMilli(now)))
                .withTimeEpoch(now);
        if (claims != null) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims).withScopes(null).build()).build());
        }
        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(headers)
                .withRequestContext(context.build())
                .withIsBase64Encoded(false);
        if (!cookies.isEmpty()) {
            event.withCookies(cookies);
        }
        Map<String, String> query = queryParameters(rawQuery);
        if (!query.isEmpty()) {
            event.withQueryStringParameters(query);
        }
        if (!match.pathParameters().isEmpty()) {
            event.withPathParameters(match.pathParameters());
        }
        if (body.length > 0) {
            String text = utf8(body);
            if (text == null) {
                event.withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
            } else {
                event.withBody(text);
            }
        }
        return event.build();
    }

    /** Repeated keys are joined with commas, as API Gateway does; names and values are URL-decoded. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The body as text when it is valid UTF-8; binary bodies travel base64-encoded, as on AWS. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

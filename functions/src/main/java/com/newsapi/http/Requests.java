package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.error.InvalidParameter;
import java.util.Map;
import java.util.Optional;

/** Reads inputs out of an HTTP API (payload 2.0) event. */
public final class Requests {

    private Requests() {
    }

    /** Header names arrive lower-cased from API Gateway, but tests and other callers may not. */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String exact = headers.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public static Optional<String> query(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? Optional.empty() : Optional.ofNullable(query.get(name));
    }

    public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> path = event.getPathParameters();
        String value = path == null ? null : path.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidParameter(name, "The path parameter '" + name + "' is required.");
        }
        return value;
    }

    /** An integer query parameter within [min, max]; absent gives the default. */
    public static int intQuery(APIGatewayV2HTTPEvent event, String name, int defaultValue, int min, int max) {
        Optional<String> raw = query(event, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String text = raw.get().trim();
        String problem = "'" + name + "' must be a whole number from " + min + " to " + max + ".";
        if (!text.matches("\\d{1,9}")) {
            throw new InvalidParameter(name, problem);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new InvalidParameter(name, problem);
        }
        return value;
    }

    /** A path parameter naming an article version: a whole number from 1, at most 18 digits (as ETags carry). */
    public static long versionPathParameter(APIGatewayV2HTTPEvent event, String name) {
        String text = pathParameter(event, name);
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidParameter(name, "'" + name + "' must be a version: a whole number from 1.");
        }
        return Long.parseLong(text);
    }

    public static String path(APIGatewayV2HTTPEvent event) {
        return event.getRawPath() != null ? event.getRawPath() : "/";
    }
}

package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;

/** Builds HTTP API responses. */
public final class Responses {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String NO_STORE = "no-store";
    /** The editors' desk reads: for the signed-in editor only, never kept by a cache. */
    public static final String PRIVATE_NO_STORE = "private, no-store";

    private Responses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, String body, Map<String, String> headers) {
        return of(status, JSON, body, headers);
    }

    public static APIGatewayV2HTTPResponse of(int status, String contentType, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", contentType);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    public static APIGatewayV2HTTPResponse notModified(Map<String, String> headers) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(304)
                .withHeaders(new HashMap<>(headers))
                .withIsBase64Encoded(false)
                .build();
    }

    public static APIGatewayV2HTTPResponse problem(int status, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Cache-Control", NO_STORE);
        return of(status, PROBLEM_JSON, body, all);
    }
}

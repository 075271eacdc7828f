package com.newsapi.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** The CORS headers API Gateway adds from the HttpApi's CorsConfiguration. */
final class CorsHeaders {

    private CorsHeaders() {
    }

    /** The answer to a preflight (OPTIONS with Access-Control-Request-Method), which never reaches a function. */
    static Map<String, String> preflight(SamTemplate.Cors cors, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!allowed(cors, origin)) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", allowOrigin(cors, origin));
        headers.put("Access-Control-Allow-Methods", String.join(",", cors.allowMethods().stream().sorted().toList()));
        if (!cors.allowHeaders().isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
        }
        cors.maxAge().ifPresent(age -> headers.put("Access-Control-Max-Age", Integer.toString(age)));
        return headers;
    }

    /**
     * Headers added to every other response for a request that carries an allowed Origin: "API
     * Gateway adds the configured CORS headers to the response from an integration".
     */
    static Map<String, String> actual(SamTemplate.Cors cors, String origin) {
        Map<String, String> headers = preflight(cors, origin);
        if (!headers.isEmpty() && !cors.exposeHeaders().isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(",", cors.exposeHeaders()).toLowerCase());
        }
        return headers;
    }

    private static boolean allowed(SamTemplate.Cors cors, String origin) {
        return cors.allowOrigins().contains("*") || cors.allowOrigins().contains(origin);
    }

    private static String allowOrigin(SamTemplate.Cors cors, String origin) {
        return cors.allowOrigins().contains("*") ? "*" : origin;
    }
}

package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.http.Caching;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** GET /openapi.yaml: the API's OpenAPI document, packaged with the function. */
public final class GetOpenApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String DOCUMENT = "openapi.yaml";
    private static final String CACHE_CONTROL = "public, max-age=300";

    private final String document;

    public GetOpenApiHandler() {
        this(readDocument());
    }

    GetOpenApiHandler(String document) {
        this.document = document;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            ListQueries.rejectUnknown(event, Set.of());
            return Caching.conditional(event, "application/yaml", document, Map.of("Cache-Control", CACHE_CONTROL));
        });
    }

    private static String readDocument() {
        try (InputStream in = GetOpenApiHandler.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " was not packaged with the function");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.error.ApiException;
import java.util.function.Supplier;

/**
 * Runs a handler's work for one request so that every request ends in exactly one answer and one
 * log line. It only sequences the steps; each is another class's job: {@link Compression} encodes a
 * success, {@link Problems} maps a failure, {@link RequestLog} records the outcome.
 */
public final class Guard {

    private Guard() {
    }

    /**
     * Whatever {@code work} throws becomes a problem response, never an uncaught exception. Every
     * request prints one structured line and, where metrics are on, one EMF line; a 5xx's line is an
     * ERROR with the stack trace.
     */
    public static APIGatewayV2HTTPResponse run(APIGatewayV2HTTPEvent event, Context context,
                                               Supplier<APIGatewayV2HTTPResponse> work) {
        RequestLog request = RequestLog.start(event, context);
        APIGatewayV2HTTPResponse response;
        try {
            response = Compression.negotiate(event, work.get());
        } catch (ApiException e) {
            if (e.status() >= 500) {
                request.failed(e);
            }
            response = Problems.of(e, Requests.path(event));
        } catch (RuntimeException e) {
            request.failed(e);
            response = Problems.internal(Requests.path(event));
        }
        request.finish(response.getStatusCode());
        return response;
    }
}

package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.error.ApiException;
import com.newsapi.error.InvalidField;
import com.newsapi.error.InvalidParameter;
import com.newsapi.observe.RequestLog;
import java.util.Map;
import java.util.function.Supplier;

/** Turns every failure into an RFC 9457 problem+json response; the one exception mapper. */
public final class Problems {

    static final String TYPE_PREFIX = "urn:news-api:problem:";

    private Problems() {
    }

    /**
     * Runs a handler's work; whatever it throws becomes a problem response, never an uncaught
     * exception. A successful answer is compressed when the client accepts it ({@link Compression}).
     * Every request prints one structured line and, where metrics are on, one EMF line
     * ({@link RequestLog}); a 5xx's line is an ERROR with the stack trace.
     */
    public static APIGatewayV2HTTPResponse guard(APIGatewayV2HTTPEvent event, Context context,
                                                 Supplier<APIGatewayV2HTTPResponse> work) {
        RequestLog request = RequestLog.start(event, context);
        APIGatewayV2HTTPResponse response;
        try {
            response = Compression.negotiate(event, work.get());
        } catch (ApiException e) {
            if (e.status() >= 500) {
                request.failed(e);
            }
            response = of(e, Requests.path(event));
        } catch (RuntimeException e) {
            request.failed(e);
            response = Responses.problem(500, write("internal", "Internal error", 500,
                    "The request failed on the server; it has been logged.", Requests.path(event), json -> { }), Map.of());
        }
        request.finish(response.getStatusCode());
        return response;
    }

    public static APIGatewayV2HTTPResponse of(ApiException e, String instance) {
        String body = write(e.type(), e.title(), e.status(), e.getMessage(), instance, json -> {
            if (e instanceof InvalidParameter invalid) {
                json.writeStringField("parameter", invalid.parameter());
            }
            if (e instanceof InvalidField invalid) {
                json.writeStringField("field", invalid.violations().getFirst().field());
                json.writeArrayFieldStart("errors");
                for (InvalidField.Violation violation : invalid.violations()) {
                    json.writeStartObject();
                    json.writeStringField("field", violation.field());
                    json.writeStringField("message", violation.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
        });
        Map<String, String> headers = e.retryAfterSeconds().isPresent()
                ? Map.of("Retry-After", Integer.toString(e.retryAfterSeconds().getAsInt()))
                : Map.of();
        return Responses.problem(e.status(), body, headers);
    }

    private static String write(String type, String title, int status, String detail, String instance, Json.Writer extensions) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", TYPE_PREFIX + type);
            json.writeStringField("title", title);
            json.writeNumberField("status", status);
            json.writeStringField("detail", detail);
            json.writeStringField("instance", instance);
            extensions.write(json);
            json.writeEndObject();
        });
    }
}

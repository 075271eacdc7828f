package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.codec.Json;
import com.newsapi.error.ApiException;
import com.newsapi.error.InvalidField;
import com.newsapi.error.InvalidParameter;
import java.util.Map;

/** Turns a failure into an RFC 9457 problem+json response; the one exception mapper ({@link Guard} calls it). */
public final class Problems {

    static final String TYPE_PREFIX = "urn:news-api:problem:";

    private Problems() {
    }

    /** The generic 500: the cause is logged by the caller, never echoed to the client. */
    public static APIGatewayV2HTTPResponse internal(String instance) {
        return Responses.problem(500, write("internal", "Internal error", 500,
                "The request failed on the server; it has been logged.", instance, json -> { }), Map.of());
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

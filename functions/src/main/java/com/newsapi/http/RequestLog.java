package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.observe.Cold;
import com.newsapi.observe.Emf;
import com.newsapi.observe.Telemetry;
import com.newsapi.observe.UserAgents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one structured line of an HTTP request, and its EMF metrics line. What it holds is chosen,
 * never copied wholesale from the event: the route template ({@code GET /articles/{id}}), the method,
 * the status, the latency, the article id or slug from the path, whether the sandbox was cold, the
 * Lambda and API Gateway request ids, the X-Ray trace id (when Lambda gave one), and the User-Agent's family. Never the query string (cursors,
 * sync tokens), headers (Authorization, Idempotency-Key), nor a request or response body.
 *
 * <p>Level: INFO up to 3xx, WARN for a 4xx (the client's mistake, not an error of ours), ERROR with
 * the stack trace for a 5xx: one line in every case.
 */
public final class RequestLog {

    /** Longest article id or slug kept; the path is the client's, and a log line should stay short. */
    static final int MAX_ARTICLE_LENGTH = 120;

    /** Where the Java runtime puts each invocation's X-Ray header ({@code Root=...;Parent=...;Sampled=...}). */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    /** The same header as Lambda's reserved environment variable (other runtimes, older clients). */
    static final String TRACE_HEADER_ENV = "_X_AMZN_TRACE_ID";

    /** Longest trace id kept: {@code 1-} + 8 hex + {@code -} + 24 hex is 35; anything much longer is not one. */
    static final int MAX_TRACE_ID_LENGTH = 64;

    /** The current invocation's trace header; a seam for tests, which must not touch the real environment. */
    static Supplier<String> traceHeader = RequestLog::traceHeaderFromRuntime;

    private final APIGatewayV2HTTPEvent event;
    private final Context context;
    private final long startNanos = System.nanoTime();
    private final boolean cold = Cold.take();
    private final Map<String, Long> counts = Telemetry.openCounts();
    private Throwable failure;

    private RequestLog(APIGatewayV2HTTPEvent event, Context context) {
        this.event = event;
        this.context = context;
    }

    public static RequestLog start(APIGatewayV2HTTPEvent event, Context context) {
        return new RequestLog(event, context);
    }

    /** The exception behind a 5xx, logged with its stack trace. */
    public void failed(Throwable failure) {
        this.failure = failure;
    }

    /** Prints the request's line and metrics; never throws (telemetry must not fail a request). */
    public void finish(int status) {
        try {
            Telemetry.closeCounts();
            double latency = Math.round((System.nanoTime() - startNanos) / 100_000.0) / 10.0;
            String route = route(event);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("route", route);
            fields.put("method", method(event));
            fields.put("status", status);
            fields.put("latencyMs", latency);
            fields.put("article", article(event));
            fields.put("cold", cold);
            fields.put("requestId", context == null ? null : context.getAwsRequestId());
            fields.put("apiRequestId", event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
            String traceId = traceId(traceHeader.get());
            if (traceId != null) {
                fields.put("traceId", traceId);
            }
            fields.put("userAgent", UserAgents.family(Requests.header(event, "User-Agent").orElse(null)));
            counts.forEach(fields::put);
            Telemetry telemetry = Telemetry.current();
            String message = route + " " + status;
            if (status >= 500) {
                telemetry.error(message, fields, failure);
            } else if (status >= 400) {
                telemetry.warn(message, fields);
            } else {
                telemetry.info(message, fields);
            }
            if (telemetry.metricsEnabled()) {
                List<Emf.Metric> metrics = new ArrayList<>(6 + counts.size());
                metrics.add(Emf.Metric.count("Requests", 1));
                metrics.add(Emf.Metric.milliseconds("Latency", latency));
                metrics.add(Emf.Metric.count("Status4xx", status >= 400 && status < 500 ? 1 : 0));
                metrics.add(Emf.Metric.count("Status5xx", status >= 500 ? 1 : 0));
                metrics.add(Emf.Metric.count("Status304", status == 304 ? 1 : 0));
                metrics.add(Emf.Metric.count("Status429", status == 429 ? 1 : 0));
                counts.forEach((name, value) -> metrics.add(Emf.Metric.count(name, value)));
                Map<String, String> properties = context == null ? Map.of() : Map.of("requestId", context.getAwsRequestId());
                telemetry.metrics(Map.of("Route", route), true, metrics, properties);
            }
        } catch (RuntimeException e) {
            System.err.println("request log failed: " + e);
        }
    }

    /**
     * The trace id alone ({@code 1-5759e988-bd862e3fe1be46a994272793}) from an X-Ray header
     * ({@code Root=1-...;Parent=...;Sampled=0}), so a log line can be joined with a trace or with the
     * lines of another service the same request went through; null when absent or without a Root.
     */
    static String traceId(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String field = part.strip();
            if (field.startsWith("Root=")) {
                String root = field.substring("Root=".length()).strip();
                return root.isEmpty() || root.length() > MAX_TRACE_ID_LENGTH ? null : root;
            }
        }
        return null;
    }

    /** The Java runtime sets the property for every invocation (and clears it without one); else the variable. */
    private static String traceHeaderFromRuntime() {
        String header = System.getProperty(TRACE_HEADER_PROPERTY);
        return header != null && !header.isBlank() ? header : System.getenv(TRACE_HEADER_ENV);
    }

    /** API Gateway's route key; without one (tests, direct invokes), the path with its parameters put back as names. */
    static String route(APIGatewayV2HTTPEvent event) {
        String key = event.getRouteKey();
        if (key != null && !key.isBlank() && !key.equals("$default")) {
            return key;
        }
        String path = Requests.path(event);
        if (event.getPathParameters() != null) {
            for (var parameter : event.getPathParameters().entrySet()) {
                if (parameter.getValue() != null && !parameter.getValue().isEmpty()) {
                    path = path.replace("/" + parameter.getValue(), "/{" + parameter.getKey() + "}");
                }
            }
        }
        return method(event) + " " + path;
    }

    static String method(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
            return context.getHttp().getMethod();
        }
        return "UNKNOWN";
    }

    static String article(APIGatewayV2HTTPEvent event) {
        Map<String, String> path = event.getPathParameters();
        String id = path == null ? null : path.get("id");
        if (id == null || id.isEmpty()) {
            return null;
        }
        return id.length() > MAX_ARTICLE_LENGTH ? id.substring(0, MAX_ARTICLE_LENGTH) : id;
    }
}

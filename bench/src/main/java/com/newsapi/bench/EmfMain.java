package com.newsapi.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.newsapi.codec.Json;
import com.newsapi.observe.Emf;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * The cold cost of a request's first EMF line, in a fresh JVM: {@code writer} (com.newsapi.observe.Emf,
 * the functions' own) or {@code library} (AWS's aws-embedded-metrics, as it would run in Lambda:
 * LambdaEnvironment, console sink), or {@code none} (the floor). Jackson's generator is used first
 * either way, as a handler's response has used it by the time it emits metrics. Prints the emission's
 * own time in microseconds on standard error; bench/run.sh also times the whole process.
 */
public final class EmfMain {

    private EmfMain() {
    }

    public static void main(String[] args) throws Exception {
        StringWriter response = new StringWriter();
        try (JsonGenerator json = Json.factory().createGenerator(response)) {
            json.writeStartObject();
            json.writeStringField("id", "76d4847c855c7079");
            json.writeNumberField("version", 1);
            json.writeEndObject();
        }
        System.out.println(response);
        long start = System.nanoTime();
        switch (args[0]) {
            case "writer" -> System.out.println(Emf.line("NewsApi", System.currentTimeMillis(),
                    Map.of("Route", "GET /articles/{id}"), true,
                    List.of(Emf.Metric.count("Requests", 1), Emf.Metric.milliseconds("Latency", 12.5),
                            Emf.Metric.count("Status4xx", 0), Emf.Metric.count("Status5xx", 0)),
                    Map.of("requestId", "r-1")));
            case "library" -> {
                MetricsLogger metrics = new MetricsLogger(new LambdaEnvironment());
                metrics.setNamespace("NewsApi");
                metrics.putDimensions(DimensionSet.of("Route", "GET /articles/{id}"));
                metrics.putMetric("Requests", 1, Unit.COUNT);
                metrics.putMetric("Latency", 12.5, Unit.MILLISECONDS);
                metrics.putMetric("Status4xx", 0, Unit.COUNT);
                metrics.putMetric("Status5xx", 0, Unit.COUNT);
                metrics.putProperty("requestId", "r-1");
                metrics.flush();
            }
            case "none" -> { }
            default -> throw new IllegalArgumentException("writer, library or none");
        }
        System.err.println((System.nanoTime() - start) / 1000);
    }
}

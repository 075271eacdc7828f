package com.newsapi.observe;

import com.newsapi.codec.Json;
import java.util.Map;

/**
 * A CloudWatch Embedded Metric Format document as one line of JSON: the {@code _aws} metadata,
 * the dimension values, then each metric's value at the top level. Written here rather than with
 * AWS's aws-embedded-metrics library: the library costs a cold start several times more for the
 * same line (bench/EmfMain; numbers in the README), and pulls in SLF4J and its own Jackson.
 *
 * <p>One dimension set per line ({@code dimensions}' keys in order), plus the empty set when
 * {@code withTotal}, so one line feeds both a per-route metric and the namespace-wide total.
 */
public final class Emf {

    /** A metric's value and CloudWatch unit ("Count", "Milliseconds"). */
    public record Metric(String name, double value, String unit) {

        public static Metric count(String name, long value) {
            return new Metric(name, value, "Count");
        }

        public static Metric milliseconds(String name, double value) {
            return new Metric(name, value, "Milliseconds");
        }
    }

    private Emf() {
    }

    public static String line(String namespace, long timestampMillis, Map<String, String> dimensions, boolean withTotal,
                              Iterable<Metric> metrics, Map<String, String> properties) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", timestampMillis);
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            for (String dimension : dimensions.keySet()) {
                json.writeString(dimension);
            }
            json.writeEndArray();
            if (withTotal && !dimensions.isEmpty()) {
                json.writeStartArray();
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Metric metric : metrics) {
                json.writeStartObject();
                json.writeStringField("Name", metric.name());
                json.writeStringField("Unit", metric.unit());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            for (var dimension : dimensions.entrySet()) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
            for (Metric metric : metrics) {
                if (metric.unit().equals("Count")) {
                    json.writeNumberField(metric.name(), (long) metric.value());
                } else {
                    json.writeNumberField(metric.name(), metric.value());
                }
            }
            for (var property : properties.entrySet()) {
                json.writeStringField(property.getKey(), property.getValue());
            }
            json.writeEndObject();
        });
    }
}

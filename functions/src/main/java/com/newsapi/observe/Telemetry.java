package com.newsapi.observe;

import com.newsapi.config.Config;
import com.newsapi.codec.Json;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where structured log lines and EMF metric lines go, and how: one JSON object per line on standard
 * output, written with Jackson's streaming generator (no logging framework).
 *
 * <p>Why raw JSON on stdout and not {@code context.getLogger()}: with {@code LogFormat: JSON} the
 * Java runtime wraps what {@code LambdaLogger} is given as the string value of a {@code "message"}
 * field, so a JSON object passed to it would arrive escaped, and its fields would not be fields in
 * CloudWatch Logs Insights. A line on stdout that already is a JSON object is taken as it is (Lambda
 * does not encode JSON twice): every field below is queryable ({@code filter status >= 500}), and
 * its {@code "level"} field is what Lambda's ApplicationLogLevel filters on (a line without one
 * counts as INFO). EMF documents are such lines too; they carry no level, so they count as INFO and
 * ApplicationLogLevel must stay at INFO or below (TRACE, DEBUG, INFO) for the metrics to be kept.
 *
 * <p>Settings: {@code METRICS_NAMESPACE} (default NewsApi) names the EMF
 * namespace; {@code METRICS} = {@code on}/{@code off} prints or suppresses EMF lines, by default on
 * inside Lambda (where {@code AWS_LAMBDA_FUNCTION_NAME} is set) and off elsewhere (the local API,
 * tests), so {@code METRICS=on make local} shows what would be emitted. Log lines are always printed.
 */
public final class Telemetry {

    /** The process's own: its settings from the process environment, read once, as every function's are. */
    private static final Telemetry STANDARD = of(Config.fromProcess(), System.out);

    private static final ThreadLocal<Telemetry> OVERRIDE = new ThreadLocal<>();
    private static final ThreadLocal<Map<String, Long>> COUNTS = new ThreadLocal<>();

    private final PrintStream out;
    private final String namespace;
    private final boolean metrics;

    public Telemetry(PrintStream out, String namespace, boolean metrics) {
        this.out = out;
        this.namespace = namespace;
        this.metrics = metrics;
    }

    /** Lines to {@code out}, with the EMF namespace and metrics switch of {@code config}. */
    public static Telemetry of(Config config, PrintStream out) {
        return new Telemetry(out, config.metricsNamespace(), metricsOn(config.metrics().orElse(null), config.inLambda()));
    }

    static boolean metricsOn(String setting, boolean inLambda) {
        if (setting == null) {
            return inLambda;
        }
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "1", "yes" -> true;
            default -> false;
        };
    }

    /** The telemetry of this thread: the one {@link #using} installed, else the process's own. */
    public static Telemetry current() {
        Telemetry override = OVERRIDE.get();
        return override != null ? override : STANDARD;
    }

    /** Runs {@code work} with this thread's lines going to {@code telemetry} (tests capture output this way). */
    public static <T> T using(Telemetry telemetry, Supplier<T> work) {
        Telemetry before = OVERRIDE.get();
        OVERRIDE.set(telemetry);
        try {
            return work.get();
        } finally {
            if (before == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(before);
            }
        }
    }

    /**
     * Adds to a count of the request this thread is serving (search candidates examined, sync
     * tombstones); it becomes a metric on that request's EMF line. Outside a request it does nothing.
     */
    public static void count(String metric, long amount) {
        Map<String, Long> counts = COUNTS.get();
        if (counts != null) {
            counts.merge(metric, amount, Long::sum);
        }
    }

    /**
     * Starts counting this thread's {@link #count} calls for one request (the request log does,
     * as the request starts); the map fills until {@link #closeCounts()}, which the same thread
     * must call when the request ends.
     */
    public static Map<String, Long> openCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTS.set(counts);
        return counts;
    }

    /** Stops this thread's counting that {@link #openCounts()} started. */
    public static void closeCounts() {
        COUNTS.remove();
    }

    public String namespace() {
        return namespace;
    }

    public boolean metricsEnabled() {
        return metrics;
    }

    /** One EMF line, when metrics are on. */
    public void metrics(Map<String, String> dimensions, boolean withTotal, List<Emf.Metric> values, Map<String, String> properties) {
        if (metrics) {
            out.println(Emf.line(namespace, System.currentTimeMillis(), dimensions, withTotal, values, properties));
        }
    }

    public void info(String message, Map<String, ?> fields) {
        log("INFO", message, fields, null);
    }

    public void warn(String message, Map<String, ?> fields) {
        log("WARN", message, fields, null);
    }

    public void error(String message, Map<String, ?> fields, Throwable failure) {
        log("ERROR", message, fields, failure);
    }

    /** One structured line; a failure adds errorType, errorMessage and stackTrace (the field names Lambda's own JSON lines use). */
    public void log(String level, String message, Map<String, ?> fields, Throwable failure) {
        out.println(line(level, message, fields, failure));
    }

    static String line(String level, String message, Map<String, ?> fields, Throwable failure) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.now().toString());
            json.writeStringField("level", level);
            json.writeStringField("message", message);
            for (var field : fields.entrySet()) {
                Object value = field.getValue();
                if (value == null) {
                    continue;
                }
                json.writeFieldName(field.getKey());
                switch (value) {
                    case Integer number -> json.writeNumber(number);
                    case Long number -> json.writeNumber(number);
                    case Double number -> json.writeNumber(number);
                    case Boolean flag -> json.writeBoolean(flag);
                    default -> json.writeString(value.toString());
                }
            }
            if (failure != null) {
                json.writeStringField("errorType", failure.getClass().getName());
                json.writeStringField("errorMessage", String.valueOf(failure.getMessage()));
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                json.writeArrayFieldStart("stackTrace");
                for (String frame : trace.toString().split("\\R")) {
                    if (!frame.isBlank()) {
                        json.writeString(frame.strip());
                    }
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }
}

package com.newsapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Puts the {@code LOAD}, {@code RESULT}, {@code LATENCY} and {@code WRITE} lines of {@link ScaleMain}
 * runs (one per size, in the files named by the arguments) side by side: one table per request
 * type with the sizes as columns and the growth from the smallest to the largest, and a verdict
 * line each. Target: a reader's read units per request change by at most {@value #TOLERANCE_PERCENT}%
 * (or {@value #ROUNDING_STEP} units per DynamoDB call) from the smallest size to the largest (a search: at most {@code -DSEARCH_BOUND} read units at
 * every size, when given); write units per edit likewise.
 */
public final class ScaleReport {

    static final int TOLERANCE_PERCENT = 10;
    /**
     * Half a unit, one eventually consistent 4 KB read, per DynamoDB call: each call is rounded up on
     * its own, so the same items falling into other shards' queries move a request by up to this much
     * per call; two requests this close are as good as equal.
     */
    static final double ROUNDING_STEP = 0.5;
    /** DynamoDB on-demand, us-east-1, since the price cut of 1 November 2024. */
    static final double DOLLARS_PER_MILLION_READ_UNITS = 0.125;
    static final double DOLLARS_PER_MILLION_WRITE_UNITS = 0.625;

    private ScaleReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<Map<String, String>>> lines = new HashMap<>();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] words = line.split(" ");
                if (words.length > 1 && Set.of("LOAD", "RESULT", "LATENCY", "WRITE").contains(words[0])) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int i = 1; i < words.length; i++) {
                        String[] pair = words[i].split("=", 2);
                        fields.put(pair[0], pair.length > 1 ? pair[1] : "");
                    }
                    lines.computeIfAbsent(words[0], kind -> new ArrayList<>()).add(fields);
                }
            }
        }
        Double searchBound = System.getProperty("SEARCH_BOUND", "").isBlank() ? null : Double.valueOf(System.getProperty("SEARCH_BOUND"));
        new Printer(lines, searchBound).print();
    }

    private record Printer(Map<String, List<Map<String, String>>> lines, Double searchBound) {

        List<Integer> sizes() {
            Set<Integer> sizes = new TreeSet<>();
            lines.getOrDefault("LOAD", List.of()).forEach(load -> sizes.add(Integer.parseInt(load.get("size"))));
            return List.copyOf(sizes);
        }

        Map<String, String> find(String kind, int size, String key, String value) {
            return lines.getOrDefault(kind, List.of()).stream()
                    .filter(line -> Integer.parseInt(line.get("size")) == size && value.equals(line.get(key)))
                    .findFirst().orElse(Map.of());
        }

        void print() {
            List<Integer> sizes = sizes();
            if (sizes.isEmpty()) {
                System.out.println("(no LOAD lines: nothing was measured)");
                return;
            }
            System.out.printf("Prices: DynamoDB on-demand, us-east-1: $%.3f per million read request units, $%.3f per million "
                    + "write request units (on-demand prices since AWS halved them on 1 November 2024).%n%n",
                    DOLLARS_PER_MILLION_READ_UNITS, DOLLARS_PER_MILLION_WRITE_UNITS);
            printLoads(sizes);
            Set<String> routes = new LinkedHashSet<>();
            lines.getOrDefault("RESULT", List.of()).forEach(result -> routes.add(result.get("route")));
            List<String> verdicts = new ArrayList<>();
            List<String> summary = new ArrayList<>();
            for (String route : routes) {
                verdicts.add(printRoute(sizes, route));
                summary.add(summaryRow(route.replace('_', ' '), sizes.stream().map(size -> find("RESULT", size, "route", route)).toList(),
                        "rru", verdicts.getLast()));
            }
            Set<String> operations = new LinkedHashSet<>();
            lines.getOrDefault("WRITE", List.of()).forEach(write -> operations.add(write.get("op")));
            for (String operation : operations) {
                verdicts.add(printWrite(sizes, operation));
                summary.add(summaryRow(operation + " (write units)", sizes.stream().map(size -> averageWrites(size, operation)).toList(),
                        "wru", verdicts.getLast()));
            }
            System.out.println("### Summary: units per request");
            System.out.println();
            System.out.println("| request | " + String.join(" | ", sizes.stream().map(size -> String.format(Locale.ROOT, "%,d", size)).toList())
                    + " | growth | $ per million at " + String.format(Locale.ROOT, "%,d", sizes.getLast()) + " | verdict |");
            System.out.println("| --- |" + " ---: |".repeat(sizes.size()) + " ---: | ---: | --- |");
            summary.forEach(System.out::println);
            System.out.println();
            System.out.println("### Verdicts");
            System.out.println();
            verdicts.forEach(verdict -> System.out.println("- " + verdict));
        }

        /** One line of the summary: the units at each size, their growth, the dollars at the largest size, PASS or FAIL. */
        String summaryRow(String name, List<Map<String, String>> columns, String key, String verdict) {
            double price = key.equals("wru") ? DOLLARS_PER_MILLION_WRITE_UNITS : DOLLARS_PER_MILLION_READ_UNITS;
            return "| " + name + " | " + String.join(" | ", columns.stream()
                    .map(column -> String.format(Locale.ROOT, "%.2f", number(column, key))).toList())
                    + " | " + growth(columns, column -> number(column, key))
                    + String.format(Locale.ROOT, " | $%.2f | ", number(columns.getLast(), key) * price)
                    + verdict.substring(0, 4) + " |";
        }

        void printLoads(List<Integer> sizes) {
            System.out.println("### Loading (the real SeedLoader, then tags through PATCH /articles/{id})");
            System.out.println();
            System.out.println("| articles asked | articles loaded | pages | loader | stories tagged | tagging |");
            System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
            for (int size : sizes) {
                Map<String, String> load = find("LOAD", size, "size", String.valueOf(size));
                System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %s s | %,d | %s s |%n", size, Integer.parseInt(load.get("articles")),
                        Integer.parseInt(load.get("pages")), load.get("loadSeconds"), Integer.parseInt(load.get("tagged")), load.get("tagSeconds"));
            }
            System.out.println();
        }

        String printRoute(List<Integer> sizes, String route) {
            String name = route.replace('_', ' ');
            System.out.println("### " + name);
            System.out.println();
            header(sizes);
            List<Map<String, String>> results = sizes.stream().map(size -> find("RESULT", size, "route", route)).toList();
            List<Map<String, String>> latencies = sizes.stream().map(size -> find("LATENCY", size, "route", route)).toList();
            row("read units / request (DynamoDB's rules)", results, "rru", "%.2f");
            row("read units / request (engine's ConsumedCapacity)", results, "engineRru", "%.2f");
            row("items in the response", results, "returned", "%.1f");
            row("items DynamoDB read", results, "itemsRead", "%.1f");
            row("of which thrown away by a FilterExpression", results, "filteredOut", "%.1f");
            row("latency median, ms", latencies, "p50ms", "%.2f");
            row("latency p99, ms", latencies, "p99ms", "%.2f");
            cells("$ per million requests (reads)", results, result -> number(result, "rru") * DOLLARS_PER_MILLION_READ_UNITS, "$%.2f");
            System.out.println("| HTTP status | " + String.join(" | ", results.stream().map(result -> result.getOrDefault("status", "-")).toList()) + " | |");
            Map<String, String> largest = results.getLast();
            System.out.println();
            System.out.println("DynamoDB calls per request at " + String.format(Locale.ROOT, "%,d", sizes.getLast()) + " articles: `" + largest.getOrDefault("calls", "-") + "`"
                    + (number(largest, "filteredQueries") > 0 ? " — **" + largest.get("filteredQueries")
                    + " queries per request with a FilterExpression** (items read, paid for, and not returned)" : "")
                    + (number(largest, "scans") > 0 ? " — **Scan**" : ""));
            System.out.println();
            String verdict = verdict(name, sizes, comparable(results), results, "rru", name.contains("?q=") ? searchBound : null);
            System.out.println("Verdict: " + verdict);
            System.out.println();
            return verdict;
        }

        String printWrite(List<Integer> sizes, String operation) {
            String name = "write units per " + operation + " (editor route)";
            System.out.println("### " + name);
            System.out.println();
            header(sizes);
            List<Map<String, String>> writes = sizes.stream().map(size -> averageWrites(size, operation)).toList();
            row("write units, table (DynamoDB's rules)", writes, "wruTable", "%.1f");
            row("write units, indexes (DynamoDB's rules)", writes, "wruIndex", "%.1f");
            row("write units, total", writes, "wru", "%.1f");
            row("write units (engine's ConsumedCapacity)", writes, "engineWru", "%.1f");
            row("items written", writes, "itemsWritten", "%.1f");
            row("read units spent by the edit", writes, "rru", "%.1f");
            cells("$ per million edits", writes, write -> number(write, "wru") * DOLLARS_PER_MILLION_WRITE_UNITS
                    + number(write, "rru") * DOLLARS_PER_MILLION_READ_UNITS, "$%.2f");
            System.out.println();
            String verdict = verdict(name, sizes, 0, writes, "wru", null);
            System.out.println("Verdict: " + verdict);
            System.out.println();
            return verdict;
        }

        Map<String, String> averageWrites(int size, String operation) {
            List<Map<String, String>> all = lines.getOrDefault("WRITE", List.of()).stream()
                    .filter(line -> Integer.parseInt(line.get("size")) == size && operation.equals(line.get("op"))).toList();
            Map<String, String> average = new HashMap<>();
            for (String key : List.of("wruTable", "wruIndex", "engineWru", "itemsWritten", "rru")) {
                average.put(key, String.valueOf(all.stream().mapToDouble(line -> Double.parseDouble(line.get(key))).average().orElse(Double.NaN)));
            }
            average.put("wru", String.valueOf(number(average, "wruTable") + number(average, "wruIndex")));
            return average;
        }

        void header(List<Integer> sizes) {
            System.out.println("| articles | " + String.join(" | ", sizes.stream().map(size -> String.format(Locale.ROOT, "%,d", size)).toList())
                    + " | growth (" + String.format(Locale.ROOT, "%,d", sizes.getLast()) + " ÷ " + String.format(Locale.ROOT, "%,d", sizes.getFirst()) + ") |");
            System.out.println("| --- |" + " ---: |".repeat(sizes.size()) + " ---: |");
        }

        void row(String label, List<Map<String, String>> columns, String key, String format) {
            cells(label, columns, column -> number(column, key), format);
        }

        void cells(String label, List<Map<String, String>> columns, ToDoubleFunction<Map<String, String>> value, String format) {
            List<String> cells = columns.stream().map(column -> {
                double v = value.applyAsDouble(column);
                return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
            }).toList();
            System.out.println("| " + label + " | " + String.join(" | ", cells) + " | " + growth(columns, value) + " |");
        }

        static String growth(List<Map<String, String>> columns, ToDoubleFunction<Map<String, String>> value) {
            double first = value.applyAsDouble(columns.getFirst());
            double last = value.applyAsDouble(columns.getLast());
            if (Double.isNaN(first) || Double.isNaN(last)) {
                return "-";
            }
            if (first == 0) {
                return last == 0 ? "1.00×" : "from 0";
            }
            return String.format(Locale.ROOT, "%.2f×", last / first);
        }

        /**
         * The size to compare the largest with: the first whose response holds as many items as the
         * largest's while DynamoDB read no fewer (a table too small to fill the page, or each shard's
         * query, costs less for that reason alone); else the first whose response is as full; else the
         * smallest (a list that grows with the table).
         */
        static int comparable(List<Map<String, String>> results) {
            Map<String, String> largest = results.getLast();
            for (int i = 0; i < results.size() - 1; i++) {
                if (number(results.get(i), "returned") == number(largest, "returned")
                        && number(results.get(i), "itemsRead") >= number(largest, "itemsRead")) {
                    return i;
                }
            }
            for (int i = 0; i < results.size() - 1; i++) {
                if (number(results.get(i), "returned") == number(largest, "returned")) {
                    return i;
                }
            }
            return 0;
        }

        /** How many DynamoDB calls a request made: {@code Query(feed)x4,BatchGetItem(strong)x1} is 5. */
        static int calls(Map<String, String> result) {
            int calls = 0;
            for (String call : result.getOrDefault("calls", "").split(",")) {
                int times = call.lastIndexOf('x');
                if (times > 0 && call.substring(times + 1).matches("\\d+")) {
                    calls += Integer.parseInt(call.substring(times + 1));
                }
            }
            return calls;
        }

        /** Within tolerance from the baseline size to the largest, or under the bound at every size where one is given. */
        String verdict(String name, List<Integer> sizes, int baseline, List<Map<String, String>> columns, String key, Double bound) {
            String unit = key.equals("wru") ? "write units" : "read units";
            if (bound != null) {
                double worst = columns.stream().mapToDouble(column -> number(column, key)).max().orElse(Double.NaN);
                return String.format(Locale.ROOT, "%s %s: at most %.2f %s per request at every size (bound %.2f)",
                        worst <= bound ? "PASS" : "FAIL", name, worst, unit, bound);
            }
            double first = number(columns.get(baseline), key);
            double last = number(columns.getLast(), key);
            double change = first == 0 ? (last == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(last / first - 1);
            // Each call rounds up on its own: the same items in other shards' queries move a request by up to a step per call.
            double rounding = ROUNDING_STEP * Math.max(1, calls(columns.get(baseline)));
            boolean within = change * 100 <= TOLERANCE_PERCENT || Math.abs(last - first) <= rounding;
            String span = String.format(Locale.ROOT, "%,d → %,d articles", sizes.get(baseline), sizes.getLast());
            String note = baseline == 0 ? "" : String.format(Locale.ROOT, "; from %,d: smaller tables do not fill the page as %,d does",
                    sizes.get(baseline), sizes.getLast());
            return String.format(Locale.ROOT, "%s %s: %.2f → %.2f %s per request over %s (%s; target within %d%%, or %.1f units: %.1f per call%s)",
                    within ? "PASS" : "FAIL", name, first, last, unit, span,
                    first == 0 ? "from 0" : String.format(Locale.ROOT, "%.2f×", last / first), TOLERANCE_PERCENT, rounding, ROUNDING_STEP, note);
        }

        static double number(Map<String, String> fields, String key) {
            String value = fields.get(key);
            return value == null || value.isEmpty() ? Double.NaN : Double.parseDouble(value);
        }
    }
}

package com.newsapi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Sums up LoaderBench's RESULT lines (one per run) as the markdown tables bench/run.sh prints. */
public final class LoaderReport {

    private LoaderReport() {
    }

    /** One run's RESULT line, as key → value. */
    private record Run(Map<String, String> fields) {

        static Run parse(String line) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : line.substring("RESULT ".length()).split(" ")) {
                String[] kv = pair.split("=", 2);
                fields.put(kv[0], kv[1]);
            }
            return new Run(fields);
        }

        String get(String key) {
            return fields.get(key);
        }

        double number(String key) {
            return Double.parseDouble(fields.getOrDefault(key, "0"));
        }

        double itemsPerSecond() {
            return number("items") / number("seconds");
        }

        boolean is(String variant, String backend) {
            return variant.equals(get("variant")) && backend.equals(get("backend"));
        }

        boolean memory() {
            return fields.containsKey("liveMiB");
        }
    }

    /** {@code args[0]}: a file with RESULT lines among others. */
    public static void main(String[] args) throws IOException {
        List<Run> runs;
        try (var lines = Files.lines(Path.of(args[0]))) {
            runs = lines.filter(line -> line.startsWith("RESULT ")).map(Run::parse).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        throughput(runs, "engine", "the local engine (Dynoxide, loopback)");
        throughput(runs, "null", "null backend (SDK answered in-process: the client's own CPU, no database)");
        memory(runs);
    }

    private static void throughput(List<Run> all, String backend, String where) {
        List<Run> raw = all.stream().filter(run -> run.is("raw", backend)).toList();
        if (raw.isEmpty()) {
            return;
        }
        Run shape = raw.getFirst();
        // Loader runs of the raw runs' size; a heap run counts too (its checkpoints are not in its time).
        List<Run> loader = all.stream().filter(run -> run.is("loader", backend) && run.get("articles").equals(shape.get("articles"))).toList();
        if (loader.isEmpty()) {
            return;
        }
        System.out.printf("%n### Seed loader vs raw BatchWriteItem loop, %s%n%n", where);
        int runs = Math.min(loader.size(), raw.size());
        System.out.printf("%s articles from %s generated pages; %s; %s.%n", shape.get("articles"), shape.get("pages"),
                "null".equals(backend) ? "no table" : "a fresh table per run",
                runs == 1 ? "one run each" : "median of " + runs + " runs each, interleaved");
        System.out.printf("The loader writes %s items, %.1f MB (%s): search postings in BatchWriteItem; articles, slug claims and "
                        + "counter updates in TransactWriteItems. The raw loop writes the %s items, %.1f MB (%s) the loader leaves "
                        + "(each counter once, in its final state), 25 a BatchWriteItem.%n%n",
                loader.getFirst().get("items"), loader.getFirst().number("bytes") / 1e6, identical(loader),
                shape.get("items"), shape.number("bytes") / 1e6, identical(raw));
        System.out.println("| variant | items/s | total | BatchWriteItem calls | in BatchWriteItem | TransactWriteItems calls "
                + "| in TransactWriteItems | BatchGetItem calls | in BatchGetItem | rest (parse, mapping, SDK) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        row("raw BatchWriteItem loop", raw);
        row("SeedLoader.load", loader);
        // The same pages and the same table at the end: throughput compares by time.
        double ratio = median(raw, run -> run.number("seconds")) / median(loader, run -> run.number("seconds"));
        System.out.printf("| **loader ÷ raw** (raw time ÷ loader time) | **%.2f** | | | | | | | | |%n", ratio);
        System.out.println();
        System.out.println("| loader's BatchGetItem | calls | keys | time (median) |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (String kind : List.of("get_versions", "get_slugs", "get_one_slug", "get_other")) {
            if (loader.stream().anyMatch(run -> run.fields().containsKey(kind + ".calls"))) {
                System.out.printf("| %s | %.0f | %.0f | %.1f s |%n", kind.replace('_', ' '), median(loader, run -> run.number(kind + ".calls")),
                        median(loader, run -> run.number(kind + ".items")), median(loader, run -> run.number(kind + ".seconds")));
            }
        }
    }

    /** Whether every run of a variant wrote the same items (the clock is fixed and the pages generated alike). */
    private static String identical(List<Run> runs) {
        boolean same = runs.stream().allMatch(run -> run.get("items").equals(runs.getFirst().get("items"))
                && run.get("bytes").equals(runs.getFirst().get("bytes")));
        return same ? "identical in every run" : "NOT identical across runs: check";
    }

    private static void row(String name, List<Run> runs) {
        System.out.printf("| %s | %,.0f | %.1f s | %,.0f | %.1f s | %,.0f | %.1f s | %,.0f | %.1f s | %.1f s |%n", name,
                median(runs, Run::itemsPerSecond), median(runs, run -> run.number("seconds")),
                median(runs, run -> run.number("write.calls")), median(runs, run -> run.number("write.seconds")),
                median(runs, run -> run.number("transact.calls")), median(runs, run -> run.number("transact.seconds")),
                median(runs, run -> sum(run, "get_", ".calls")), median(runs, run -> sum(run, "get_", ".seconds")),
                median(runs, run -> run.number("seconds") - sum(run, "", ".seconds")));
    }

    /** The sum of the fields named {@code prefix…suffix}: e.g. every batch read's seconds, or every call's. */
    private static double sum(Run run, String prefix, String suffix) {
        return run.fields().entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix)
                        && !"seconds".equals(e.getKey()))
                .mapToDouble(e -> Double.parseDouble(e.getValue())).sum();
    }

    private static void memory(List<Run> all) {
        List<Run> runs = new ArrayList<>(all.stream().filter(Run::memory).toList());
        if (runs.isEmpty()) {
            return;
        }
        runs.sort(Comparator.comparingDouble(run -> run.number("articles")));
        System.out.printf("%n### Seed loader heap as the input grows (one fresh JVM per size, %s backend)%n%n", runs.getFirst().get("backend"));
        System.out.println("| articles | pages | items written | live heap, max | peak used heap (sampled) | live heap at each checkpoint, MiB |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | --- |");
        for (Run run : runs) {
            System.out.printf("| %,d | %,d | %,d | %.1f MiB | %.1f MiB | %s |%n", (long) run.number("articles"), (long) run.number("pages"),
                    (long) run.number("items"), run.number("liveMiB"), run.number("peakMiB"), run.get("liveSeriesMiB").replace("/", " "));
        }
        System.out.println();
        System.out.println("Live heap: used heap right after a full GC, at the start, after every tenth of the pages and at the end.");
        System.out.println("Peak used: sampled every 5 ms, garbage included (mostly how big the collector lets the young generation grow).");
    }

    /** The middle value; of an even count, the lower middle one (as bench/run.sh's median). */
    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        return values[(values.length - 1) / 2];
    }
}

package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.newsapi.config.Dependencies;
import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedLoader;
import com.newsapi.observe.Emf;
import com.newsapi.observe.Telemetry;
import com.newsapi.store.CounterRebuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * LoaderFunction: parses the seed pages bundled with the function and writes their articles.
 * Safe to invoke any number of times. Logs a line per page and a summary, and emits the items
 * written and the batch retries as metrics. The input {@code {"rebuildCounters": true}} instead
 * rebuilds the tag and author counters from the articles (and loads no seeds): once after the
 * deploy that introduced counters, or to repair them; any other input loads the seeds.
 */
public final class LoadSeedsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static final String REBUILD_COUNTERS = "rebuildCounters";

    private final SeedLoader loader;
    private final CounterRebuild counters;
    private final LongSupplier retries;

    public LoadSeedsHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The container's loader, whose backoff counts its retries (the loader's container runs nothing else). */
    public LoadSeedsHandler(Dependencies dependencies) {
        this(dependencies.seedLoader(), dependencies.counterRebuild(), dependencies.storeRetries());
    }

    LoadSeedsHandler(SeedLoader loader, CounterRebuild counters) {
        this(loader, counters, null);
    }

    private LoadSeedsHandler(SeedLoader loader, CounterRebuild counters, LongSupplier retries) {
        this.loader = loader;
        this.counters = counters;
        this.retries = retries;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (input != null && Boolean.TRUE.equals(input.get(REBUILD_COUNTERS))) {
            return rebuildCounters(context);
        }
        long retriesBefore = retries == null ? 0 : retries.getAsLong();
        SeedLoader.Result result = loader.load(BundledSeeds.fromClassPath());
        Long retried = retries == null ? null : retries.getAsLong() - retriesBefore;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pages", result.pages());
        summary.put("articles", result.articles());
        summary.put("excerpts", result.excerpts());
        summary.put("written", result.written());
        summary.put("unchanged", result.unchanged());
        summary.put("retries", retried);
        summary.put("requestId", context == null ? null : context.getAwsRequestId());
        Telemetry telemetry = Telemetry.current();
        telemetry.info("seeded", summary);
        telemetry.metrics(Map.of("Function", "Loader"), false, List.of(
                Emf.Metric.count("LoaderPages", result.pages()),
                Emf.Metric.count("LoaderItemsWritten", result.written()),
                Emf.Metric.count("LoaderRetries", retried == null ? 0 : retried)), Map.of());
        return Map.of(
                "pages", result.pages(),
                "articles", result.articles(),
                "excerpts", result.excerpts(),
                "written", result.written(),
                "unchanged", result.unchanged());
    }

    private Map<String, Object> rebuildCounters(Context context) {
        CounterRebuild.Result result = counters.run();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("articles", result.articles());
        summary.put("set", result.set());
        summary.put("unchanged", result.unchanged());
        summary.put("removed", result.removed());
        summary.put("conflicts", result.conflicts());
        Map<String, Object> line = new LinkedHashMap<>(summary);
        line.put("requestId", context == null ? null : context.getAwsRequestId());
        Telemetry.current().info("countersRebuilt", line);
        return summary;
    }
}

package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.newsapi.config.Dependencies;
import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedLoader;
import com.newsapi.observe.Emf;
import com.newsapi.observe.Telemetry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * LoaderFunction: parses the seed pages bundled with the function and writes their articles.
 * Safe to invoke any number of times; the input is ignored. Logs a line per page and a summary,
 * and emits the items written and the batch retries as metrics.
 */
public final class LoadSeedsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final SeedLoader loader;
    private final LongSupplier retries;

    public LoadSeedsHandler() {
        this(Dependencies.shared());
    }

    /** The shared store, whose backoff counts its retries (the loader's container runs nothing else). */
    private LoadSeedsHandler(Dependencies shared) {
        this(new SeedLoader(shared.store(), shared.clock(), shared.storeRetries()), shared.storeRetries());
    }

    LoadSeedsHandler(SeedLoader loader) {
        this(loader, null);
    }

    private LoadSeedsHandler(SeedLoader loader, LongSupplier retries) {
        this.loader = loader;
        this.retries = retries;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
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
}

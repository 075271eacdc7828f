package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.newsapi.config.Dependencies;
import com.newsapi.config.DynamoClients;
import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedLoader;
import com.newsapi.observe.Emf;
import com.newsapi.observe.Telemetry;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * LoaderFunction: parses the seed pages bundled with the function and writes their articles.
 * Safe to invoke any number of times; the input is ignored. Logs a line per page and a summary,
 * and emits the items written and the batch retries as metrics.
 */
public final class LoadSeedsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final SeedLoader loader;
    private final LongAdder retries;

    public LoadSeedsHandler() {
        this(new LongAdder());
    }

    private LoadSeedsHandler(LongAdder retries) {
        this(loader(retries), retries);
    }

    LoadSeedsHandler(SeedLoader loader) {
        this(loader, null);
    }

    private LoadSeedsHandler(SeedLoader loader, LongAdder retries) {
        this.loader = loader;
        this.retries = retries;
    }

    /** The shared store's client and table, with a backoff that counts its retries (the loader's own store). */
    private static SeedLoader loader(LongAdder retries) {
        Dependencies shared = Dependencies.shared();
        if (shared.config().isEmpty()) {
            return new SeedLoader(shared.store(), shared.clock());
        }
        Backoff standard = Backoff.standard();
        Backoff counting = new Backoff(standard.base(), standard.cap(), standard.maxAttempts(), duration -> {
            retries.increment();
            standard.sleeper().sleep(duration);
        });
        var config = shared.config().get();
        ArticleStore store = new ArticleStore(DynamoClients.create(config, shared.credentials().orElseThrow()),
                config.tableName(), counting);
        return new SeedLoader(store, shared.clock(), retries::sum);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        long retriesBefore = retries == null ? 0 : retries.sum();
        SeedLoader.Result result = loader.load(BundledSeeds.fromClassPath());
        Long retried = retries == null ? null : retries.sum() - retriesBefore;
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

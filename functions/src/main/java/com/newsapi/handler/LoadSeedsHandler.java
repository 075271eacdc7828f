package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.newsapi.config.Dependencies;
import com.newsapi.loader.BundledSeeds;
import com.newsapi.loader.SeedLoader;
import java.util.Map;

/**
 * LoaderFunction: parses the seed pages bundled with the function and writes their articles.
 * Safe to invoke any number of times; the input is ignored.
 */
public final class LoadSeedsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final SeedLoader loader;

    public LoadSeedsHandler() {
        this(new SeedLoader(Dependencies.shared().store(), Dependencies.shared().clock()));
    }

    LoadSeedsHandler(SeedLoader loader) {
        this.loader = loader;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        SeedLoader.Result result = loader.load(BundledSeeds.fromClassPath());
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("seeded: " + result);
        }
        return Map.of(
                "pages", result.pages(),
                "articles", result.articles(),
                "excerpts", result.excerpts(),
                "written", result.written(),
                "unchanged", result.unchanged());
    }
}

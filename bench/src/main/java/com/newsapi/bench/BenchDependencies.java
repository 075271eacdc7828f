package com.newsapi.bench;

import com.newsapi.config.Config;
import com.newsapi.config.Dependencies;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The graph the benchmark mains give their handlers, as a Lambda handler's no-arg constructor
 * builds it, but from the settings bench/run.sh passes as system properties ({@code -DTABLE_NAME=...}),
 * over the environment, and with a signing key of its own when none is given.
 */
final class BenchDependencies {

    static final String SIGNING_KEY = "bench-sync-token-key-0123456789";

    private BenchDependencies() {
    }

    static Dependencies fromSystemProperties() {
        Map<String, String> settings = new HashMap<>(System.getenv());
        System.getProperties().stringPropertyNames().forEach(name -> settings.put(name, System.getProperty(name)));
        settings.putIfAbsent(Config.SYNC_TOKEN_KEY, SIGNING_KEY);
        return new Dependencies(Config.from(settings), Clock.systemUTC());
    }
}

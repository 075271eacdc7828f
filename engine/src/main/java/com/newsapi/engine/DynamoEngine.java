package com.newsapi.engine;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The DynamoDB endpoint that tests, the local API and the benchmarks talk to: the one named by
 * {@code DYNAMODB_ENDPOINT} when it is set (real DynamoDB, or an engine you run yourself), otherwise
 * a Dynoxide child process of this JVM.
 */
public interface DynamoEngine extends AutoCloseable {

    String ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";

    URI endpoint();

    /** Stops the engine if this JVM started it; an external one is left as it is. */
    @Override
    void close();

    /** {@code DYNAMODB_ENDPOINT} if set, else a Dynoxide in memory on {@code host} and {@code port} (0: free). */
    static DynamoEngine start(String host, int port) {
        return external(System.getenv()).orElseGet(() -> EngineProcess.start(host, port, Optional.empty()));
    }

    /** The engine named by {@code DYNAMODB_ENDPOINT} in {@code environment}, if any. */
    static Optional<DynamoEngine> external(Map<String, String> environment) {
        String endpoint = environment.get(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(endpoint.strip());
        return Optional.of(new DynamoEngine() {
            @Override
            public URI endpoint() {
                return uri;
            }

            @Override
            public void close() {
                // not ours to stop
            }
        });
    }
}

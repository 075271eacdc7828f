package com.newsapi.bench;

import com.newsapi.engine.DynamoEngine;

/**
 * The local DynamoDB engine for LoaderBench and ClientFloorMain, owned by a small JVM of its own
 * (Dynoxide is a separate process either way; this one stops it when killed). Prints its endpoint,
 * then waits until the process is killed. DYNAMODB_ENDPOINT, if set, is printed instead.
 */
public final class EngineMain {

    private EngineMain() {
    }

    /** {@code args[0]}: the port, 0 for a free one. */
    public static void main(String[] args) throws InterruptedException {
        DynamoEngine engine = DynamoEngine.start("127.0.0.1", Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        System.out.println("DynamoDB engine: " + engine.endpoint());
        Thread.currentThread().join();
    }
}

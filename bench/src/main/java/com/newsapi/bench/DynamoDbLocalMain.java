package com.newsapi.bench;

import com.newsapi.local.LocalDynamoDb;

/**
 * DynamoDB Local in a JVM of its own, for LoaderBench and ClientFloorMain: their heap and CPU stay
 * apart from the server's. Prints its endpoint, then serves until the process is killed.
 */
public final class DynamoDbLocalMain {

    private DynamoDbLocalMain() {
    }

    /** {@code args[0]}: the port, 0 for a free one. */
    public static void main(String[] args) throws InterruptedException {
        LocalDynamoDb dynamo = LocalDynamoDb.start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(dynamo::close));
        System.out.println("DynamoDB Local: " + dynamo.endpoint());
        Thread.currentThread().join();
    }
}

package com.newsapi.observe;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a request is the first this sandbox serves since its JVM started or since SnapStart
 * restored it from a snapshot ({@link com.newsapi.config.Priming#afterRestore} calls {@link #reset()}).
 */
public final class Cold {

    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    private Cold() {
    }

    /** True for the first caller after start or restore, false for every later one. */
    public static boolean take() {
        return COLD.getAndSet(false);
    }

    /** The next request is cold again: called after a SnapStart restore. */
    public static void reset() {
        COLD.set(true);
    }
}

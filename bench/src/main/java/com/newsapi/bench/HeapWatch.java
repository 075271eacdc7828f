package com.newsapi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Heap use during one measured run: the peak of used heap, sampled every few milliseconds by a
 * daemon thread (garbage included, so it also reflects how the collector sizes the heap), and the
 * live heap, i.e. used heap right after a full collection, taken at checkpoints. Started before the
 * run, closed after it.
 */
final class HeapWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private final List<Long> live = new ArrayList<>();
    private long checkpointNanos;

    private HeapWatch() {
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").unstarted(this::sample);
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        watch.sampler.start();
        return watch;
    }

    private void sample() {
        while (running) {
            peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Collects fully and records what is still used: the live heap at this point of the run. */
    long checkpoint() {
        long start = System.nanoTime();
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        live.add(used);
        checkpointNanos += System.nanoTime() - start;
        return used;
    }

    /** Time spent in checkpoints, for subtracting from a timed run. */
    long checkpointNanos() {
        return checkpointNanos;
    }

    /** {@code items}, taking a checkpoint before every {@code every}-th item is handed out. */
    <T> Iterable<T> checkpointing(Iterable<T> items, int every) {
        return () -> new Iterator<>() {
            private final Iterator<T> next = items.iterator();
            private int handedOut;

            @Override
            public boolean hasNext() {
                return next.hasNext();
            }

            @Override
            public T next() {
                if (handedOut > 0 && handedOut % every == 0) {
                    checkpoint();
                }
                handedOut++;
                return next.next();
            }
        };
    }

    long peakUsed() {
        return peakUsed;
    }

    /** The live heap at each checkpoint so far, in order. */
    List<Long> live() {
        return List.copyOf(live);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}

package com.newsapi.store;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Several streams in the same order (the feed's shards, newest first) read as one stream in that order. */
final class MergedStream implements CandidateStream {

    private static final Comparator<CandidateStream> OLDEST_FIRST = Comparator.comparing(stream -> stream.peek().key());

    private final PriorityQueue<CandidateStream> heads;

    MergedStream(List<? extends CandidateStream> streams) {
        this(streams, true);
    }

    MergedStream(List<? extends CandidateStream> streams, boolean newestFirst) {
        this(streams, newestFirst ? OLDEST_FIRST.reversed() : OLDEST_FIRST);
    }

    /** Streams each already in {@code order} (of their heads); the merged stream follows it. */
    MergedStream(List<? extends CandidateStream> streams, Comparator<CandidateStream> order) {
        heads = new PriorityQueue<>(order);
        prefetch(streams);
        for (CandidateStream stream : streams) {
            if (stream.peek() != null) {
                heads.add(stream);
            }
        }
    }

    /**
     * Reads the first page of every stream at once, on virtual threads: a merged page then waits
     * for one round trip instead of one per shard. A failure is left for the caller's own read of
     * that stream to raise again.
     */
    private static void prefetch(List<? extends CandidateStream> streams) {
        if (streams.size() < 2) {
            return;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CandidateStream stream : streams) {
                threads.execute(() -> {
                    try {
                        stream.peek();
                    } catch (RuntimeException leftForTheCaller) {
                        // the caller's own peek of this stream reads again and raises it
                    }
                });
            }
        }
    }

    @Override
    public Candidate peek() {
        CandidateStream head = heads.peek();
        return head == null ? null : head.peek();
    }

    @Override
    public Candidate poll() {
        CandidateStream head = heads.poll();
        if (head == null) {
            return null;
        }
        Candidate next = head.poll();
        if (head.peek() != null) {
            heads.add(head);
        }
        return next;
    }
}

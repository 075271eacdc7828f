package com.newsapi.store;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Several streams in the same order (the feed's shards, newest first) read as one stream in that order. */
final class MergedStream implements CandidateStream {

    private static final Comparator<CandidateStream> OLDEST_FIRST = Comparator.comparing(stream -> stream.peek().key());

    private final PriorityQueue<CandidateStream> heads;

    MergedStream(List<? extends CandidateStream> streams) {
        this(streams, true);
    }

    MergedStream(List<? extends CandidateStream> streams, boolean newestFirst) {
        heads = new PriorityQueue<>(newestFirst ? OLDEST_FIRST.reversed() : OLDEST_FIRST);
        for (CandidateStream stream : streams) {
            if (stream.peek() != null) {
                heads.add(stream);
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

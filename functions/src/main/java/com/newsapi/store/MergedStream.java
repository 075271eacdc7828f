package com.newsapi.store;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Several newest-first streams (the feed's shards) read as one newest-first stream. */
final class MergedStream implements CandidateStream {

    private final PriorityQueue<CandidateStream> heads =
            new PriorityQueue<>(Comparator.comparing((CandidateStream stream) -> stream.peek().key()).reversed());

    MergedStream(List<? extends CandidateStream> streams) {
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

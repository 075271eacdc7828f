package com.newsapi.store;

/** Index entries in newest-first feed order, read lazily; {@code null} means there are no more. */
interface CandidateStream {

    Candidate peek();

    Candidate poll();
}

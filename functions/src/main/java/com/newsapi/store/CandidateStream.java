package com.newsapi.store;

/** Index entries in feed order (or change-log order), read lazily; {@code null} means there are no more. */
interface CandidateStream {

    Candidate peek();

    Candidate poll();
}

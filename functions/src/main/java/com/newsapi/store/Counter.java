package com.newsapi.store;

import com.newsapi.model.CountKind;

/** One counter item: a tag (its normalised form) or an author (the normalised name, grouping spellings). */
record Counter(CountKind kind, String key) implements Comparable<Counter> {

    @Override
    public int compareTo(Counter other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : key.compareTo(other.key);
    }
}

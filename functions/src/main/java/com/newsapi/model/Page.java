package com.newsapi.model;

import java.util.List;
import java.util.Optional;

/** One page of a newest-first listing; {@code next} is where the following page starts, empty on the last page. */
public record Page<T>(List<T> items, Optional<FeedKey> next) {

    public Page {
        items = List.copyOf(items);
    }
}

package com.newsapi.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of tag or author counts, in the order of their keys (normalised names); {@code next} is
 * the key the following page starts after, empty on the last page.
 */
public record CountPage(List<Count> items, Optional<String> next) {

    public CountPage {
        items = List.copyOf(items);
    }
}

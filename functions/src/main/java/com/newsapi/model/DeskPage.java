package com.newsapi.model;

import java.util.List;
import java.util.Optional;

/** One page of the editors' desk list, newest change first; {@code next} is where the following page starts. */
public record DeskPage(List<Article> items, Optional<DeskPosition> next) {

    public DeskPage {
        items = List.copyOf(items);
    }
}

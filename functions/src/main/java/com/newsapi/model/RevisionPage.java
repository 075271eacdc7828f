package com.newsapi.model;

import java.util.List;
import java.util.OptionalLong;

/** A page of an article's revisions, newest first; {@code next} is the version the next page starts below. */
public record RevisionPage(List<RevisionSummary> items, OptionalLong next) {

    public RevisionPage {
        items = List.copyOf(items);
    }
}

package com.newsapi.model;

import java.util.Objects;

/** Who wrote an article; {@code bio} is null where the page shows none. */
public record Author(String name, String bio) {

    public Author {
        Objects.requireNonNull(name, "name");
    }
}

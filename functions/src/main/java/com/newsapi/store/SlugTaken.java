package com.newsapi.store;

/** A create lost the race for its slug: another article claimed it first. The caller tries the next suffix. */
public final class SlugTaken extends RuntimeException {

    public SlugTaken(String slug) {
        super("slug taken: " + slug, null, false, false);
    }
}

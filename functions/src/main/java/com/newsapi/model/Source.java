package com.newsapi.model;

/** Where an article came from: the seed file it was parsed from (null for editor-written ones) and the site name where the page shows one. */
public record Source(String file, String siteName) {
}

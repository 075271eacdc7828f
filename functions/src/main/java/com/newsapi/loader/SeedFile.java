package com.newsapi.loader;

/** One raw page to load: its file name (kept as the article's source) and its text. */
public record SeedFile(String name, String text) {
}

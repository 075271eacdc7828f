package com.newsapi.model;

/** A tag or an author, and how many published articles it has. */
public record Count(String name, long articles) {
}

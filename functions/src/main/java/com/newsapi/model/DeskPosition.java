package com.newsapi.model;


/**
 * Where a desk page ended: the last examined entry's stored {@code updatedAt} (as the desk index
 * sorts it), the status partition it came from and its id. Several articles can share one
 * {@code updatedAt} (the loader writes a page's stories at one instant), so the id and partition
 * are what let the next page resume exactly after it.
 */
public record DeskPosition(String updatedAt, ArticleStatus status, String id) {
}

package com.newsapi.service;

import com.newsapi.model.Article;

/**
 * A created article's answer as the API first sent it: kept with an Idempotency-Key, in the same
 * transaction as the article, so a retry gets these bytes again even after the rendering changes.
 *
 * @param body the response body
 * @param etag the ETag header sent with it
 */
public record RenderedArticle(String body, String etag) {

    /** How the API renders a created article; the service calls it only to keep the answer for retries. */
    @FunctionalInterface
    public interface Renderer {
        RenderedArticle render(Article article);
    }
}

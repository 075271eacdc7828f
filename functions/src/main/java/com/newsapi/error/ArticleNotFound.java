package com.newsapi.error;

/** No readable article has that id or slug. */
public final class ArticleNotFound extends ApiException {

    public ArticleNotFound(String idOrSlug) {
        super(404, "Article not found", "No article has the id or slug '" + idOrSlug + "'.");
    }

    @Override
    public String type() {
        return "not-found";
    }
}

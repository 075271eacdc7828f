package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.codec.ArticleFields;
import com.newsapi.codec.ArticleJson;
import com.newsapi.model.Article;
import java.util.HashMap;
import java.util.Map;

/** Answers of the write routes: the article as now stored, its new ETag, never cached. */
public final class WriteResponses {

    private WriteResponses() {
    }

    public static APIGatewayV2HTTPResponse article(int status, Article article) {
        return Responses.json(status, body(article), headers(article));
    }

    public static String body(Article article) {
        return ArticleJson.whole(article);
    }

    public static Map<String, String> headers(Article article) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ETag", Caching.etag(article, ArticleFields.ARTICLE_DEFAULT));
        headers.put("Cache-Control", Responses.NO_STORE);
        headers.put("Location", "/articles/" + article.id());
        return headers;
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204)
                .withHeaders(new HashMap<>(Map.of("Cache-Control", Responses.NO_STORE))).withIsBase64Encoded(false).build();
    }
}

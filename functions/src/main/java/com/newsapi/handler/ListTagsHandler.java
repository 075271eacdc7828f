package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.http.ArticleJson;
import com.newsapi.http.Caching;
import com.newsapi.http.ListQueries;
import com.newsapi.http.Problems;
import com.newsapi.service.ArticleService;
import java.util.Map;
import java.util.Set;

/** GET /tags: every tag with published articles and how many, most first. */
public final class ListTagsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ArticleService articles;

    public ListTagsHandler() {
        this(Dependencies.shared().articles());
    }

    ListTagsHandler(ArticleService articles) {
        this.articles = articles;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Problems.guard(event, context, () -> {
            ListQueries.rejectUnknown(event, Set.of());

            String body = ArticleJson.counts(articles.tags());

            return Caching.conditional(event, body, Map.of("Cache-Control", Caching.LIST_CACHE_CONTROL));
        });
    }
}

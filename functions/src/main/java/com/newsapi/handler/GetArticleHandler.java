package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.codec.ArticleFields;
import com.newsapi.codec.ArticleJson;
import com.newsapi.http.Caching;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.http.Requests;
import com.newsapi.http.Responses;
import com.newsapi.model.Article;
import com.newsapi.service.ArticleService;
import java.util.Map;
import java.util.Set;

/** GET /articles/{id}: one published article by id or slug, with a strong ETag and conditional GET. */
public final class GetArticleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ArticleService articles;

    public GetArticleHandler() {
        this(Dependencies.fromEnvironment());
    }

    public GetArticleHandler(Dependencies dependencies) {
        this(dependencies.articles());
    }

    GetArticleHandler(ArticleService articles) {
        this.articles = articles;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            ListQueries.rejectUnknown(event, Set.of("fields"));
            Set<ArticleFields> fields = ListQueries.fields(event, ArticleFields.ARTICLE_DEFAULT);
            Article article = articles.get(Requests.pathParameter(event, "id"));

            Map<String, String> headers = Caching.articleHeaders(article, fields);
            if (Caching.notModified(event, headers.get("ETag"))) {
                return Responses.notModified(headers);
            }
            return Responses.json(200, ArticleJson.article(article, fields), headers);
        });
    }
}

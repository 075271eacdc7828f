package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.codec.ArticleFields;
import com.newsapi.codec.ArticleJson;
import com.newsapi.http.Caching;
import com.newsapi.codec.Cursors;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.http.Requests;
import com.newsapi.model.Article;
import com.newsapi.model.ArticleQuery;
import com.newsapi.service.ArticleService;
import com.newsapi.model.Page;
import java.util.Map;
import java.util.Set;

/**
 * GET /articles: published articles newest first, filtered by {@code tag}, {@code author},
 * {@code from}/{@code to} and keyword search {@code q}; {@code limit} per page, an opaque
 * {@code cursor} for the next, {@code fields} to choose what each item holds.
 */
public final class ListArticlesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ArticleService articles;
    private final Cursors cursors;

    public ListArticlesHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The signing keys are read here, at init: before a SnapStart snapshot, never on a request. */
    public ListArticlesHandler(Dependencies dependencies) {
        this(dependencies.articles(), new Cursors(dependencies.positions()));
    }

    ListArticlesHandler(ArticleService articles, Cursors cursors) {
        this.articles = articles;
        this.cursors = cursors;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            ArticleQuery query = ListQueries.parse(event);
            int limit = Requests.intQuery(event, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            Set<ArticleFields> fields = ListQueries.fields(event, ArticleFields.LIST_DEFAULT);
            var after = cursors.decode(Requests.query(event, "cursor"), query);

            Page<Article> page = articles.list(query, after, limit, fields.contains(ArticleFields.BODY),
                    ArticleJson.needsWholeArticle(fields));

            String body = ArticleJson.list(page.items(), fields, page.next().map(next -> cursors.encode(next, query)));
            return Caching.conditional(event, body, Map.of("Cache-Control", Caching.LIST_CACHE_CONTROL));
        });
    }
}

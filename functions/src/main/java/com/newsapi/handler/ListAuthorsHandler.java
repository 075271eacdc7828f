package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.codec.ArticleJson;
import com.newsapi.http.Caching;
import com.newsapi.codec.CountCursors;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.http.Requests;
import com.newsapi.service.ArticleService;
import com.newsapi.model.CountKind;
import com.newsapi.model.CountPage;
import java.util.Map;
import java.util.Set;

/**
 * GET /authors: every author with published articles and how many each has, in name order;
 * {@code limit} per page, an opaque {@code cursor} for the next.
 */
public final class ListAuthorsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ArticleService articles;
    private final CountCursors cursors;

    public ListAuthorsHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The signing keys are read here, at init: before a SnapStart snapshot, never on a request. */
    public ListAuthorsHandler(Dependencies dependencies) {
        this(dependencies.articles(), new CountCursors(dependencies.positions()));
    }

    ListAuthorsHandler(ArticleService articles, CountCursors cursors) {
        this.articles = articles;
        this.cursors = cursors;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            ListQueries.rejectUnknown(event, Set.of("limit", "cursor"));
            int limit = Requests.intQuery(event, "limit", ListArticlesHandler.DEFAULT_LIMIT, 1, ListArticlesHandler.MAX_LIMIT);
            var after = cursors.decode(Requests.query(event, "cursor"), CountKind.AUTHOR);

            CountPage page = articles.authors(after, limit);

            String body = ArticleJson.counts(page.items(), page.next().map(key -> cursors.encode(CountKind.AUTHOR, key)));
            return Caching.conditional(event, body, Map.of("Cache-Control", Caching.LIST_CACHE_CONTROL));
        });
    }
}

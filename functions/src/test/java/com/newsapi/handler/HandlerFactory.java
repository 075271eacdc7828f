package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import java.util.List;

/** Builds every route's handler through its package-private constructor, for tests outside this package. */
public final class HandlerFactory {

    private HandlerFactory() {
    }

    public static List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> every(ArticleService reader, EditorService editor) {
        return List.of(
                new GetArticleHandler(reader), new ListArticlesHandler(reader), new ListTagsHandler(reader),
                new ListAuthorsHandler(reader), new GetOpenApiHandler("openapi: 3.1.0"),
                new CreateArticleHandler(editor), new ReplaceArticleHandler(editor), new PatchArticleHandler(editor),
                new PublishArticleHandler(editor), new DeleteArticleHandler(editor));
    }
}

package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.http.EditorAuth;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.http.Requests;
import com.newsapi.http.Responses;
import com.newsapi.http.WriteResponses;
import com.newsapi.model.Article;
import com.newsapi.service.EditorService;
import java.util.Map;
import java.util.Set;

/** GET /desk/articles/{id}: one article in any status for an editor, with the ETag If-Match takes; never cached. */
public final class GetDeskArticleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final EditorService editor;

    public GetDeskArticleHandler() {
        this(Dependencies.fromEnvironment());
    }

    public GetDeskArticleHandler(Dependencies dependencies) {
        this(dependencies.editor());
    }

    GetDeskArticleHandler(EditorService editor) {
        this.editor = editor;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.requireEditor(event);
            ListQueries.rejectUnknown(event, Set.of());
            Article article = editor.get(Requests.pathParameter(event, "id"));

            Map<String, String> headers = WriteResponses.headers(article);
            headers.put("Cache-Control", Responses.PRIVATE_NO_STORE);
            headers.remove("Location");
            return Responses.json(200, WriteResponses.body(article), headers);
        });
    }
}

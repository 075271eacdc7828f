package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.codec.ArticleDrafts;
import com.newsapi.http.EditorAuth;
import com.newsapi.http.Guard;
import com.newsapi.http.IfMatch;
import com.newsapi.http.ListQueries;
import com.newsapi.http.RequestBodies;
import com.newsapi.http.Requests;
import com.newsapi.http.WriteResponses;
import com.newsapi.service.EditorService;
import java.util.Optional;
import java.util.Set;

/** PUT /articles/{id}: replaces an article's editable fields; requires If-Match. */
public final class ReplaceArticleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final EditorService editor;

    public ReplaceArticleHandler() {
        this(Dependencies.fromEnvironment());
    }

    public ReplaceArticleHandler(Dependencies dependencies) {
        this(dependencies.editor());
    }

    ReplaceArticleHandler(EditorService editor) {
        this.editor = editor;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.Editor caller = EditorAuth.requireEditor(event);
            ListQueries.rejectUnknown(event, Set.of());
            String id = Requests.pathParameter(event, "id");
            var draft = ArticleDrafts.toDraft(RequestBodies.readJson(event));
            long version = IfMatch.requireVersion(event, id);

            return WriteResponses.article(200, editor.replace(id, version, draft, Optional.of(caller.name())));
        });
    }
}

package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.http.EditorAuth;
import com.newsapi.http.Guard;
import com.newsapi.http.IfMatch;
import com.newsapi.http.ListQueries;
import com.newsapi.http.Requests;
import com.newsapi.http.WriteResponses;
import com.newsapi.service.EditorService;
import java.util.Optional;
import java.util.Set;

/**
 * POST /desk/articles/{id}/revisions/{version}/restore: a new version with the title, summary,
 * body, author and tags of a kept revision (status and dates unchanged); requires If-Match.
 */
public final class RestoreRevisionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final EditorService editor;

    public RestoreRevisionHandler() {
        this(Dependencies.fromEnvironment());
    }

    public RestoreRevisionHandler(Dependencies dependencies) {
        this(dependencies.editor());
    }

    RestoreRevisionHandler(EditorService editor) {
        this.editor = editor;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.Editor caller = EditorAuth.requireEditor(event);
            ListQueries.rejectUnknown(event, Set.of());
            String id = Requests.pathParameter(event, "id");
            long revision = Requests.versionPathParameter(event, "version");
            long version = IfMatch.requireVersion(event, id);

            return WriteResponses.article(200, editor.restore(id, version, revision, Optional.of(caller.name())));
        });
    }
}

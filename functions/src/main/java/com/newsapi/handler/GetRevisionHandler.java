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
import com.newsapi.codec.RevisionJson;
import com.newsapi.service.EditorService;
import java.util.Map;
import java.util.Set;

/** GET /desk/articles/{id}/revisions/{version}: one kept revision with the whole article as it was; 404 if not kept. */
public final class GetRevisionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final EditorService editor;

    public GetRevisionHandler() {
        this(Dependencies.fromEnvironment());
    }

    public GetRevisionHandler(Dependencies dependencies) {
        this(dependencies.editor());
    }

    GetRevisionHandler(EditorService editor) {
        this.editor = editor;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.requireEditor(event);
            ListQueries.rejectUnknown(event, Set.of());
            String id = Requests.pathParameter(event, "id");
            long version = Requests.versionPathParameter(event, "version");

            var revision = editor.revision(id, version);

            return Responses.json(200, RevisionJson.revision(revision), Map.of("Cache-Control", Responses.PRIVATE_NO_STORE));
        });
    }
}

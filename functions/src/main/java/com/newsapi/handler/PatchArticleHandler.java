package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.config.Dependencies;
import com.newsapi.codec.ArticleDrafts;
import com.newsapi.codec.EditableJson;
import com.newsapi.http.EditorAuth;
import com.newsapi.http.Guard;
import com.newsapi.http.IfMatch;
import com.newsapi.http.ListQueries;
import com.newsapi.codec.MergePatch;
import com.newsapi.http.RequestBodies;
import com.newsapi.http.Requests;
import com.newsapi.http.WriteResponses;
import com.newsapi.model.Article;
import com.newsapi.service.EditorService;
import java.util.Optional;
import java.util.Set;

/**
 * PATCH /articles/{id}: a JSON merge patch (RFC 7396) of the editable fields, e.g.
 * {@code {"status": "published"}} or {@code {"tags": ["world"], "summary": null}}; requires If-Match.
 */
public final class PatchArticleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final EditorService editor;

    public PatchArticleHandler() {
        this(Dependencies.fromEnvironment());
    }

    public PatchArticleHandler(Dependencies dependencies) {
        this(dependencies.editor());
    }

    PatchArticleHandler(EditorService editor) {
        this.editor = editor;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.Editor caller = EditorAuth.requireEditor(event);
            ListQueries.rejectUnknown(event, Set.of());
            String id = Requests.pathParameter(event, "id");
            ObjectNode patch = RequestBodies.readMergePatch(event);
            ArticleDrafts.checkPatch(patch);
            long version = IfMatch.requireVersion(event, id);
            Article current = editor.get(id);

            var patched = (ObjectNode) MergePatch.apply(EditableJson.of(current), patch);
            Article updated = editor.replace(id, version, ArticleDrafts.toDraft(patched), Optional.of(caller.name()));

            return WriteResponses.article(200, updated);
        });
    }
}

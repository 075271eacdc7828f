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
import com.newsapi.codec.RevisionCursors;
import com.newsapi.codec.RevisionJson;
import com.newsapi.service.EditorService;
import com.newsapi.model.RevisionPage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GET /desk/articles/{id}/revisions: an article's kept revisions, newest first (who, when, what
 * changed), {@code limit} per page and an opaque {@code cursor} for the next; 404 if no such article.
 */
public final class ListRevisionsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final EditorService editor;
    private final RevisionCursors cursors;

    public ListRevisionsHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The signing keys are read here, at init: before a SnapStart snapshot, never on a request. */
    public ListRevisionsHandler(Dependencies dependencies) {
        this(dependencies.editor(), new RevisionCursors(dependencies.positions()));
    }

    ListRevisionsHandler(EditorService editor, RevisionCursors cursors) {
        this.editor = editor;
        this.cursors = cursors;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.requireEditor(event);
            ListQueries.rejectUnknown(event, Set.of("limit", "cursor"));
            String id = Requests.pathParameter(event, "id");
            int limit = Requests.intQuery(event, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            var before = cursors.decode(Requests.query(event, "cursor"), id);

            RevisionPage page = editor.revisions(id, before, limit);

            Optional<String> next = page.next().isPresent() ? Optional.of(cursors.encode(id, page.next().getAsLong())) : Optional.empty();
            return Responses.json(200, RevisionJson.list(page.items(), next), Map.of("Cache-Control", Responses.PRIVATE_NO_STORE));
        });
    }
}

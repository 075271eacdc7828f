package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.codec.ArticleFields;
import com.newsapi.codec.ArticleJson;
import com.newsapi.codec.DeskCursors;
import com.newsapi.http.EditorAuth;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.http.Requests;
import com.newsapi.http.Responses;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.ArticleStatus;
import com.newsapi.service.EditorService;
import com.newsapi.model.DeskPage;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GET /desk/articles: an editor's list of articles in any status, newest change first, filtered by
 * {@code status}, {@code tag}, {@code author} and {@code q}; {@code limit} per page and an opaque
 * {@code cursor}. Never cached: it shows drafts.
 */
public final class ListDeskArticlesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** A list item's fields, plus what a desk row needs: its status and the version an If-Match names. */
    static final Set<ArticleFields> DESK_FIELDS = desk();

    private final EditorService editor;
    private final DeskCursors cursors;

    public ListDeskArticlesHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The signing keys are read here, at init: before a SnapStart snapshot, never on a request. */
    public ListDeskArticlesHandler(Dependencies dependencies) {
        this(dependencies.editor(), new DeskCursors(dependencies.positions()));
    }

    ListDeskArticlesHandler(EditorService editor, DeskCursors cursors) {
        this.editor = editor;
        this.cursors = cursors;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.requireEditor(event);
            ArticleQuery query = ListQueries.desk(event);
            Optional<ArticleStatus> status = ListQueries.deskStatus(event);
            int limit = Requests.intQuery(event, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            var after = cursors.decode(Requests.query(event, "cursor"), status, query);

            DeskPage page = editor.desk(status, query, after, limit);

            String body = ArticleJson.list(page.items(), DESK_FIELDS, page.next().map(next -> cursors.encode(next, status, query)));
            return Responses.json(200, body, Map.of("Cache-Control", Responses.PRIVATE_NO_STORE));
        });
    }

    private static Set<ArticleFields> desk() {
        Set<ArticleFields> fields = EnumSet.copyOf(ArticleFields.LIST_DEFAULT);
        fields.add(ArticleFields.STATUS);
        fields.add(ArticleFields.VERSION);
        return fields;
    }
}

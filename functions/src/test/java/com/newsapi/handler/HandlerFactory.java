package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.service.ArticleService;
import com.newsapi.http.CountCursors;
import com.newsapi.http.Cursors;
import com.newsapi.http.SignedPositions;
import com.newsapi.http.SyncTokens;
import com.newsapi.service.EditorService;
import com.newsapi.service.SyncService;
import java.util.List;

/** Builds every route's handler through its package-private constructor, for tests outside this package. */
public final class HandlerFactory {

    private HandlerFactory() {
    }

    /** The list and sync handlers sign their cursors and tokens with this key in tests. */
    public static final String SYNC_KEY = "test-sync-token-key-0123456789";

    /** List cursors signed with {@link #SYNC_KEY}, as the list handlers' no-arg constructors sign with the deployed key. */
    public static Cursors cursors() {
        return new Cursors(new SignedPositions(SYNC_KEY));
    }

    public static CountCursors countCursors() {
        return new CountCursors(new SignedPositions(SYNC_KEY));
    }

    public static List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> every(ArticleService reader, EditorService editor,
                                                                                             SyncService sync) {
        return List.of(
                new GetArticleHandler(reader), new ListArticlesHandler(reader, cursors()), new ListTagsHandler(reader, countCursors()),
                new ListAuthorsHandler(reader, countCursors()), new GetOpenApiHandler("openapi: 3.1.0"),
                new CreateArticleHandler(editor), new ReplaceArticleHandler(editor), new PatchArticleHandler(editor),
                new PublishArticleHandler(editor), new DeleteArticleHandler(editor),
                new SyncHandler(sync, new SyncTokens(SYNC_KEY)),
                new GetDeskHandler(com.newsapi.http.DeskAssets.bundled(), () -> new com.newsapi.config.DeskSettings(
                        "/local-auth/authorize", "/local-auth/token", "/local-auth/logout", "newsapi-local", "")));
    }
}

package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.service.ArticleService;
import com.newsapi.codec.CountCursors;
import com.newsapi.codec.PreviewTokens;
import com.newsapi.codec.DeskCursors;
import com.newsapi.codec.Cursors;
import com.newsapi.codec.RevisionCursors;
import com.newsapi.codec.SignedPositions;
import com.newsapi.codec.SyncTokens;
import com.newsapi.service.EditorService;
import com.newsapi.service.PreviewService;
import com.newsapi.service.SyncService;
import com.newsapi.store.ArticleStore;
import java.time.Clock;
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

    public static DeskCursors deskCursors() {
        return new DeskCursors(new SignedPositions(SYNC_KEY));
    }

    public static CountCursors countCursors() {
        return new CountCursors(new SignedPositions(SYNC_KEY));
    }

    /** The preview links' two routes, their tokens signed with {@link #SYNC_KEY}. */
    public static List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> previews(ArticleStore store, Clock clock) {
        PreviewService previews = new PreviewService(store, new PreviewTokens(new SignedPositions(SYNC_KEY)), clock);
        return List.of(new CreatePreviewHandler(previews), new GetPreviewHandler(previews));
    }

    public static RevisionCursors revisionCursors() {
        return new RevisionCursors(new SignedPositions(SYNC_KEY));
    }

    public static List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> every(ArticleService reader, EditorService editor,
                                                                                             SyncService sync) {
        return List.of(
                new GetArticleHandler(reader), new ListArticlesHandler(reader, cursors()), new ListTagsHandler(reader, countCursors()),
                new ListAuthorsHandler(reader, countCursors()), new GetOpenApiHandler("openapi: 3.1.0"),
                new CreateArticleHandler(editor), new ReplaceArticleHandler(editor), new PatchArticleHandler(editor),
                new PublishArticleHandler(editor), new DeleteArticleHandler(editor),
                new SyncHandler(sync, new SyncTokens(SYNC_KEY)),
                new ListDeskArticlesHandler(editor, deskCursors()), new GetDeskArticleHandler(editor),
                new UnpublishArticleHandler(editor),
                new ListRevisionsHandler(editor, revisionCursors()), new GetRevisionHandler(editor), new RestoreRevisionHandler(editor),
                new GetDeskHandler(com.newsapi.http.DeskAssets.bundled(), () -> new com.newsapi.config.DeskSettings(
                        "/local-auth/authorize", "/local-auth/token", "/local-auth/logout", "newsapi-local", "")));
    }
}

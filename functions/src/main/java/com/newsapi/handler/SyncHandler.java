package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.error.InvalidParameter;
import com.newsapi.codec.ArticleFields;
import com.newsapi.codec.ArticleJson;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.observe.Telemetry;
import com.newsapi.http.Requests;
import com.newsapi.http.Responses;
import com.newsapi.codec.SyncTokens;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.SyncPosition;
import com.newsapi.service.SyncService;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GET /sync: delta sync for offline-first apps. Without a token, every published article (paged
 * with {@code cursor}); the last page carries {@code nextSyncToken}, and a call with it returns
 * only what changed since, deletions and unpublishings as tombstones. {@code tag}, {@code author},
 * {@code fields} and {@code limit} are allowed on every call; a token is tied to its filter.
 */
public final class SyncHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final Set<String> PARAMETERS = Set.of(SyncTokens.TOKEN, SyncTokens.CURSOR, "tag", "author", "fields", "limit");

    private final SyncService sync;
    private final SyncTokens tokens;

    public SyncHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The keys are read here, at init: before a SnapStart snapshot, never on a request. */
    public SyncHandler(Dependencies dependencies) {
        this(dependencies.sync(), new SyncTokens(dependencies.positions()));
    }

    SyncHandler(SyncService sync, SyncTokens tokens) {
        this.sync = sync;
        this.tokens = tokens;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            ListQueries.rejectUnknown(event, PARAMETERS);
            ArticleQuery filter = ListQueries.tagAndAuthor(event);
            int limit = Requests.intQuery(event, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            Set<ArticleFields> fields = EnumSet.copyOf(ListQueries.fields(event, ArticleFields.ARTICLE_DEFAULT));
            fields.add(ArticleFields.VERSION); // a client decides by version whether an item is newer than its copy
            Optional<String> cursor = Requests.query(event, SyncTokens.CURSOR);
            Optional<String> token = Requests.query(event, SyncTokens.TOKEN);
            if (cursor.isPresent() && token.isPresent()) {
                throw new InvalidParameter(SyncTokens.CURSOR, "Send either a cursor (the next page of a sync) or a syncToken (a new sync), not both.");
            }
            SyncPosition at = cursor.map(text -> tokens.decode(SyncTokens.CURSOR, text, filter))
                    .or(() -> token.map(text -> tokens.decode(SyncTokens.TOKEN, text, filter)))
                    .orElseGet(sync::start);

            SyncService.SyncPage page = sync.page(filter, at, limit);
            Telemetry.count("SyncPages", 1);
            Telemetry.count("SyncTombstones", page.entries().stream().filter(entry -> entry.article().isEmpty()).count());

            String encoded = tokens.encode(page.next(), filter);
            String body = ArticleJson.sync(page.entries(), fields,
                    page.more() ? Optional.of(encoded) : Optional.empty(),
                    page.more() ? Optional.empty() : Optional.of(encoded));
            return Responses.json(200, body, Map.of("Cache-Control", Responses.NO_STORE));
        });
    }
}

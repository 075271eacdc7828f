package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.config.Dependencies;
import com.newsapi.error.InvalidParameter;
import com.newsapi.codec.ArticleDrafts;
import com.newsapi.http.EditorAuth;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.http.RequestBodies;
import com.newsapi.http.Requests;
import com.newsapi.http.Responses;
import com.newsapi.http.WriteResponses;
import com.newsapi.model.Article;
import com.newsapi.service.EditorService;
import com.newsapi.service.IdempotencyKey;
import com.newsapi.service.RenderedArticle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** POST /articles: an editor creates an article (a draft unless it says published); Idempotency-Key makes retries safe. */
public final class CreateArticleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int MAX_IDEMPOTENCY_KEY = 200;

    private final EditorService editor;

    public CreateArticleHandler() {
        this(Dependencies.fromEnvironment());
    }

    public CreateArticleHandler(Dependencies dependencies) {
        this(dependencies.editor());
    }

    CreateArticleHandler(EditorService editor) {
        this.editor = editor;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.Editor caller = EditorAuth.requireEditor(event);
            ListQueries.rejectUnknown(event, Set.of());
            ObjectNode json = RequestBodies.readJson(event);
            var draft = ArticleDrafts.toDraft(json);
            Optional<IdempotencyKey> key = idempotencyKey(event, caller, json);

            return switch (editor.create(draft, key, CreateArticleHandler::render, Optional.of(caller.name()))) {
                case EditorService.Made made -> WriteResponses.article(201, made.article());
                case EditorService.Replayed replayed -> {
                    Map<String, String> headers = new HashMap<>(Map.of("ETag", replayed.firstResponse().etag(),
                            "Cache-Control", Responses.NO_STORE, "Location", "/articles/" + replayed.articleId(),
                            "Idempotent-Replayed", "true"));
                    yield Responses.json(201, replayed.firstResponse().body(), headers);
                }
            };
        });
    }

    /** The answer a fresh create sends, as kept for a retry: the same body and ETag as {@link WriteResponses#article}. */
    private static RenderedArticle render(Article article) {
        return new RenderedArticle(WriteResponses.body(article), WriteResponses.headers(article).get("ETag"));
    }

    private static Optional<IdempotencyKey> idempotencyKey(APIGatewayV2HTTPEvent event, EditorAuth.Editor caller, ObjectNode json) {
        Optional<String> header = Requests.header(event, "Idempotency-Key").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String key = header.get();
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidParameter("Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " visible ASCII characters.");
        }
        return Optional.of(IdempotencyKey.of(caller.subject(), key, json.toString()));
    }
}

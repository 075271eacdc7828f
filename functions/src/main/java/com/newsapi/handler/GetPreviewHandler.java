package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.config.Dependencies;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.http.PreviewResponses;
import com.newsapi.http.Requests;
import com.newsapi.service.PreviewService;
import java.util.Set;

/** GET /preview/{token}: anyone holding a preview link reads the article's current version, any status, read-only. */
public final class GetPreviewHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final PreviewService previews;

    public GetPreviewHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The signing keys are read here, at init: before a SnapStart snapshot, never on a request. */
    public GetPreviewHandler(Dependencies dependencies) {
        this(dependencies.previews());
    }

    GetPreviewHandler(PreviewService previews) {
        this.previews = previews;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            ListQueries.rejectUnknown(event, Set.of());
            String token = Requests.pathParameter(event, "token");

            return PreviewResponses.of(event, previews.open(token));
        });
    }
}

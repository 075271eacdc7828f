package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.config.Dependencies;
import com.newsapi.error.InvalidField.Violation;
import com.newsapi.error.InvalidField;
import com.newsapi.http.EditorAuth;
import com.newsapi.http.Guard;
import com.newsapi.http.ListQueries;
import com.newsapi.http.PreviewLinks;
import com.newsapi.http.RequestBodies;
import com.newsapi.http.Requests;
import com.newsapi.model.PreviewLink;
import com.newsapi.service.PreviewService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** POST /desk/articles/{id}/preview: an editor makes a signed, expiring link that shows the article to anyone holding it. */
public final class CreatePreviewHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final PreviewService previews;

    public CreatePreviewHandler() {
        this(Dependencies.fromEnvironment());
    }

    /** The signing keys are read here, at init: before a SnapStart snapshot, never on a request. */
    public CreatePreviewHandler(Dependencies dependencies) {
        this(dependencies.previews());
    }

    CreatePreviewHandler(PreviewService previews) {
        this.previews = previews;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            EditorAuth.requireEditor(event);
            ListQueries.rejectUnknown(event, Set.of());
            String id = Requests.pathParameter(event, "id");
            int hours = expiresInHours(event);

            PreviewLink link = previews.create(id, hours);

            return PreviewLinks.created(event, link);
        });
    }

    /** The optional body {@code {"expiresInHours": 1..168}}; none (or {@code {}}) is the default. */
    private static int expiresInHours(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null || event.getBody().isEmpty()) {
            return PreviewService.DEFAULT_HOURS;
        }
        List<Violation> violations = new ArrayList<>();
        var json = RequestBodies.readJson(event);
        json.fieldNames().forEachRemaining(name -> {
            if (!name.equals("expiresInHours")) {
                violations.add(new Violation(name.length() > 50 ? name.substring(0, 50) + "…" : name, "is not a field of a preview request"));
            }
        });
        JsonNode hours = json.get("expiresInHours");
        boolean inRange = hours == null || hours.isIntegralNumber() && hours.canConvertToInt()
                && hours.intValue() >= 1 && hours.intValue() <= PreviewService.MAX_HOURS;
        if (!inRange) {
            violations.add(new Violation("expiresInHours", "must be a whole number from 1 to " + PreviewService.MAX_HOURS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidField(violations);
        }
        return hours == null ? PreviewService.DEFAULT_HOURS : hours.intValue();
    }
}

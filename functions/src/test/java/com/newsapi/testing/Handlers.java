package com.newsapi.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.handler.HandlerFactory;
import com.newsapi.service.ArticleService;
import com.newsapi.service.EditorService;
import com.newsapi.service.SyncService;
import com.newsapi.store.ArticleStore;
import com.newsapi.store.Backoff;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Every route's handler wired to one fresh table in the local engine, and a way to make any request. */
public final class Handlers {

    private final List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> all;

    private Handlers(List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> all) {
        this.all = all;
    }

    /** Every handler against a fresh table, reading the time from {@code clock} (a {@link TestClock}: never the system's). */
    public static Handlers againstFreshTable(Clock clock) {
        DynamoDbClient dynamo = TestDatabase.client();
        ArticleStore store = new ArticleStore(dynamo, TestDatabase.newTable(dynamo), Backoff.standard());
        List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> all = new ArrayList<>(every(store, clock));
        all.addAll(HandlerFactory.previews(store, clock));
        return new Handlers(List.copyOf(all));
    }

    /** The routes' handlers ({@link HandlerFactory#every}) over one store, their services all on {@code clock}. */
    public static List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> every(ArticleStore store, Clock clock) {
        return HandlerFactory.every(new ArticleService(store, clock), new EditorService(store, clock), new SyncService(store, clock));
    }

    public List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> all() {
        return all;
    }

    /** A payload-2.0 event; with {@code editor}, it carries the claims API Gateway's JWT authorizer would pass. */
    public static APIGatewayV2HTTPEvent event(String id, Map<String, String> query, Map<String, String> headers,
                                              String body, boolean base64, boolean editor) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/articles/" + id).build());
        if (editor) {
            var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                    .withClaims(Map.of("sub", "fuzzer", "cognito:groups", "[editors]")).build();
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/articles/" + id)
                .withPathParameters(new HashMap<>(Map.of("id", id, "token", id))) // "token": GET /preview/{token}
                .withQueryStringParameters(query).withHeaders(headers).withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(context.build()).build();
    }
}

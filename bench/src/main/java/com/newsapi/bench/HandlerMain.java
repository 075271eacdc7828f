package com.newsapi.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.handler.GetArticleHandler;
import java.util.Map;

/** Our handler's cold start: a fresh JVM that builds GetArticleHandler (as Lambda's init does) and serves one GET /articles/{id}. */
public final class HandlerMain {

    private HandlerMain() {
    }

    public static void main(String[] args) {
        GetArticleHandler handler = new GetArticleHandler(BenchDependencies.fromSystemProperties());
        var response = handler.handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("GET /articles/{id}").withRawPath("/articles/" + args[0])
                .withPathParameters(Map.of("id", args[0])).build(), null);
        System.out.println(response.getStatusCode() + " " + response.getBody().length());
    }
}

package com.newsapi.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.config.Dependencies;
import com.newsapi.handler.GetArticleHandler;
import java.util.Map;

/**
 * What SnapStart's priming hook moves out of the first request: a fresh JVM builds the handler
 * (Lambda's init), runs the priming hook if asked ({@code prime}), and then times only its first
 * GET /articles/{id}, the request a container restored from the snapshot would serve first.
 */
public final class PrimingMain {

    private PrimingMain() {
    }

    public static void main(String[] args) {
        Dependencies dependencies = BenchDependencies.fromSystemProperties();
        GetArticleHandler handler = new GetArticleHandler(dependencies);
        if (args.length > 1 && args[1].equals("prime") && !dependencies.priming().prime()) {
            throw new IllegalStateException("priming failed");
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("GET /articles/{id}").withRawPath("/articles/" + args[0])
                .withPathParameters(Map.of("id", args[0])).build();
        long start = System.nanoTime();
        var response = handler.handleRequest(event, null);
        long micros = (System.nanoTime() - start) / 1000;
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("first request answered " + response.getStatusCode());
        }
        System.out.println(micros);
    }
}

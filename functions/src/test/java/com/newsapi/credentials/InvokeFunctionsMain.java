package com.newsapi.credentials;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.newsapi.config.Dependencies;
import com.newsapi.handler.GetArticleHandler;
import com.newsapi.handler.ListArticlesHandler;
import com.newsapi.handler.PublishChangesHandler;
import com.newsapi.handler.SyncHandler;
import com.newsapi.codec.Json;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a fresh JVM by {@link CredentialSourcesTest}: builds four functions the way Lambda does
 * (no-arg constructors, configuration from the environment only), invokes each once with a real
 * event, primes as SnapStart would, and prints one {@code result ...} line per step.
 *
 * <p>Arguments: the id of a published article, the folder of event fixtures (the repository's
 * {@code events/}).
 */
public final class InvokeFunctionsMain {

    private InvokeFunctionsMain() {
    }

    public static void main(String[] args) throws Exception {
        String articleId = args[0];
        Path events = Path.of(args[1]);

        APIGatewayV2HTTPEvent get = EventLoader.loadApiGatewayHttpEvent(events.resolve("get-article.json").toString());
        get.setPathParameters(Map.of("id", articleId));
        APIGatewayV2HTTPResponse article = new GetArticleHandler().handleRequest(get, null);
        System.out.println("result get " + article.getStatusCode());

        APIGatewayV2HTTPEvent list = EventLoader.loadApiGatewayHttpEvent(events.resolve("list-articles.json").toString());
        System.out.println("result list " + new ListArticlesHandler().handleRequest(list, null).getStatusCode());

        APIGatewayV2HTTPEvent sync = EventLoader.loadApiGatewayHttpEvent(events.resolve("sync.json").toString());
        sync.setQueryStringParameters(Map.of()); // no filter: the token is then checkable with ArticleQuery.ALL
        sync.setRawQueryString("");
        APIGatewayV2HTTPResponse synced = new SyncHandler().handleRequest(sync, null);
        System.out.println("result sync " + synced.getStatusCode() + " "
                + (synced.getStatusCode() == 200 ? Json.mapper().readTree(synced.getBody()).path("nextSyncToken").asText() : "-"));

        DynamodbEvent changes = EventLoader.loadDynamoDbEvent(events.resolve("article-changes.json").toString());
        StreamsEventResponse published = new PublishChangesHandler().handleRequest(changes, null);
        System.out.println("result publish-failures " + published.getBatchItemFailures().size());

        System.out.println("result primed " + Dependencies.fromEnvironment().priming().prime());
    }
}

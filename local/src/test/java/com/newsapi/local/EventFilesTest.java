package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route has an event in events/ (the files `sam local invoke -e` takes), and each one, sent
 * to its route's handler in the order below against the seeded table, gets the status it documents.
 */
class EventFilesTest {

    /** In this order: reads, then writes on the seeded article "76d4847c855c7079" at version 1. */
    private static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("get-article.json", 200);
        EXPECTED.put("list-articles.json", 200);
        EXPECTED.put("sync.json", 200);
        EXPECTED.put("search-articles.json", 200);
        EXPECTED.put("list-tags.json", 200);
        EXPECTED.put("list-authors.json", 200);
        EXPECTED.put("get-openapi.json", 200);
        EXPECTED.put("get-preview.json", 200); // a token signed with the local key, for the seeded article, until 2099
        EXPECTED.put("list-desk-articles.json", 200);
        EXPECTED.put("get-desk-article.json", 200); // any status, with its ETag
        EXPECTED.put("get-desk.json", 200);
        EXPECTED.put("get-desk-file.json", 200); // desk.js, one of the bundled files
        EXPECTED.put("create-article.json", 201);
        EXPECTED.put("create-preview.json", 201);
        EXPECTED.put("publish-article.json", 200); // already published: no change, still version 1
        EXPECTED.put("patch-article.json", 200); // version 1 -> 2
        EXPECTED.put("list-revisions.json", 200); // 2, and 1 (recorded when the seeded version 1 was replaced)
        EXPECTED.put("get-revision.json", 200); // version 1, as seeded
        EXPECTED.put("restore-revision.json", 200); // version 1's content as version 3
        EXPECTED.put("replace-article.json", 412); // based on version 1: refused
        EXPECTED.put("delete-article.json", 412); // likewise
        EXPECTED.put("unpublish-article.json", 412); // likewise
    }

    @Test
    void everyRouteOfTheTemplate_hasAnEventFile() {
        List<String> routeKeys = Stream.of(eventFiles()).map(file -> load(file).getRouteKey()).toList();

        assertThat(routeKeys).containsAll(TestApi.API.routeKeys());
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(eventFiles());
    }

    @Test
    void eachEvent_getsItsDocumentedStatus_fromItsRoutesHandler() {
        for (Map.Entry<String, Integer> expected : EXPECTED.entrySet()) {
            APIGatewayV2HTTPEvent event = load(expected.getKey());
            String[] route = event.getRouteKey().split(" ", 2);

            APIGatewayV2HTTPResponse response = handle(TestApi.API.handlerOf(route[0], route[1]), event);

            assertThat(response.getStatusCode()).as("%s: %s", expected.getKey(), response.getBody()).isEqualTo(expected.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static APIGatewayV2HTTPResponse handle(RequestHandler<?, ?> handler, APIGatewayV2HTTPEvent event) {
        return ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(event, new LocalContext());
    }

    private static APIGatewayV2HTTPEvent load(String file) {
        return EventLoader.loadApiGatewayHttpEvent("../events/" + file);
    }

    /** The API Gateway events in events/ (not env.json, the loader's or the stream's). */
    private static String[] eventFiles() {
        try (Stream<Path> files = Files.list(Path.of("../events"))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .filter(name -> !List.of("env.json", "load-seeds.json", "article-changes.json").contains(name))
                    .sorted().toArray(String[]::new);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

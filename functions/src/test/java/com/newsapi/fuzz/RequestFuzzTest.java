package com.newsapi.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.newsapi.testing.Handlers;
import com.newsapi.testing.TestClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Any request to any route (query, headers, body, path parameter, with or without an editor's
 * claims) gets a 2xx, 3xx or 4xx: never a 5xx and never an exception out of the handler.
 */
class RequestFuzzTest {

    private static final Handlers HANDLERS = Handlers.againstFreshTable(new TestClock(Instant.parse("2026-11-23T08:00:00Z")));
    private static final List<String> HEADER_NAMES = List.of(
            "content-type", "if-match", "if-none-match", "idempotency-key", "accept", "x-anything");
    private static final List<String> QUERY_NAMES = List.of(
            "limit", "cursor", "tag", "author", "from", "to", "q", "fields", "x");

    @FuzzTest(maxDuration = "60s")
    void everyRoute_answersEveryRequest_withoutAServerError(FuzzedDataProvider data) {
        List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes = HANDLERS.all();
        var handler = routes.get(data.consumeInt(0, routes.size() - 1));
        Map<String, String> query = new HashMap<>();
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            query.put(data.pickValue(QUERY_NAMES), data.consumeString(80));
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            headers.put(data.pickValue(HEADER_NAMES), data.consumeString(80));
        }
        boolean editor = data.consumeBoolean();
        boolean base64 = data.consumeBoolean();
        String id = data.consumeString(40);
        String body = data.consumeRemainingAsString();

        APIGatewayV2HTTPEvent event = Handlers.event(id, query, headers, body, base64, editor);
        APIGatewayV2HTTPResponse response;
        // The handlers talk to the local engine on loopback (list pages open a connection per shard at
        // once); a connection anywhere else would still be a finding.
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("localhost") || host.equals("127.0.0.1"))) {
            response = handler.handleRequest(event, null);
        }

        assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 499);
    }
}

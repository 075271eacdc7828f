package com.newsapi.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The real events of events/ (what `sam local invoke -e` takes and the local EventFilesTest replays),
 * loaded fresh on each call so that a test varies its own copy: a handler test starts from the event
 * API Gateway sends for its route and changes only what its case is about.
 */
public final class EventFiles {

    private EventFiles() {
    }

    /** The payload-2.0 event of {@code events/<file>}. */
    public static APIGatewayV2HTTPEvent load(String file) {
        return EventLoader.loadApiGatewayHttpEvent("../events/" + file);
    }

    /** {@code events/<file>} for other path parameters: the raw path is the route's, filled in with them as given. */
    public static APIGatewayV2HTTPEvent withPath(String file, Map<String, String> pathParameters) {
        APIGatewayV2HTTPEvent event = load(file);
        String path = event.getRouteKey().split(" ", 2)[1];
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        event.setPathParameters(new HashMap<>(pathParameters));
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        return event;
    }

    /** {@code events/<file>} with its query string replaced by {@code query} (null or empty: none). */
    public static APIGatewayV2HTTPEvent withQuery(String file, Map<String, String> query) {
        return withQuery(load(file), query);
    }

    /** {@code event} with its query string replaced by {@code query} (null or empty: none). */
    public static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, Map<String, String> query) {
        boolean none = query == null || query.isEmpty();
        event.setQueryStringParameters(none ? null : new HashMap<>(query));
        event.setRawQueryString(none ? "" : new TreeMap<>(query).entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&")));
        return event;
    }

    /** {@code event} with {@code headers} added, each replacing the event's header of that name (names are case-insensitive). */
    public static APIGatewayV2HTTPEvent withHeaders(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        Map<String, String> merged = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        headers.forEach((name, value) -> {
            merged.keySet().removeIf(name::equalsIgnoreCase);
            merged.put(name, value);
        });
        event.setHeaders(merged);
        return event;
    }

    /** {@code event} without the headers named (case-insensitively): a case that must not send the sample's. */
    public static APIGatewayV2HTTPEvent withoutHeaders(APIGatewayV2HTTPEvent event, String... names) {
        Map<String, String> kept = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        for (String name : names) {
            kept.keySet().removeIf(name::equalsIgnoreCase);
        }
        event.setHeaders(kept);
        return event;
    }

    /** {@code event} carrying {@code claims} from the JWT authorizer in place of the sample editor's. */
    public static APIGatewayV2HTTPEvent withClaims(APIGatewayV2HTTPEvent event, Map<String, String> claims) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(new HashMap<>(claims));
        return event;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

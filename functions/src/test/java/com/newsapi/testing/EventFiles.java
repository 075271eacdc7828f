package com.newsapi.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /**
     * The event of events/ whose route matches {@code method} and {@code path}, made that request: its
     * raw path, and the path parameters read from it. As in API Gateway, the most specific route wins
     * (the fewest parameters: GET /desk/articles before GET /desk/{file}).
     */
    public static APIGatewayV2HTTPEvent request(String method, String path) {
        APIGatewayV2HTTPEvent best = null;
        Map<String, String> bestParameters = null;
        for (String file : httpEventFiles()) {
            APIGatewayV2HTTPEvent event = load(file);
            String[] route = event.getRouteKey().split(" ", 2);
            Optional<Map<String, String>> parameters = route[0].equals(method) ? parameters(route[1], path) : Optional.empty();
            if (parameters.isPresent() && (best == null || parameters.get().size() < bestParameters.size())) {
                best = event;
                bestParameters = parameters.get();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no event in events/ for " + method + " " + path);
        }
        best.setPathParameters(bestParameters.isEmpty() ? null : new HashMap<>(bestParameters));
        best.setRawPath(path);
        best.getRequestContext().getHttp().setPath(path);
        return best;
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

    /**
     * {@code event} carrying {@code claims} from the JWT authorizer in place of the sample editor's;
     * null: no authorizer at all (what a handler sees on a route API Gateway does not guard).
     */
    public static APIGatewayV2HTTPEvent withClaims(APIGatewayV2HTTPEvent event, Map<String, String> claims) {
        event.getRequestContext().setAuthorizer(claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(new HashMap<>(claims)).build())
                .build());
        return event;
    }

    /** The files of events/ that hold an HTTP API event (not env.json, nor the loader's or the stream's), by name. */
    public static List<String> httpEventFiles() {
        try (Stream<Path> files = Files.list(Path.of("../events"))) {
            return files.filter(file -> file.toString().endsWith(".json") && isHttpEvent(file))
                    .map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHttpEvent(Path file) {
        try {
            return Files.readString(file).contains("\"routeKey\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path parameters of {@code path} under the route's {@code template}, or empty when it does not match; a trailing slash is ignored. */
    private static Optional<Map<String, String>> parameters(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path).split("/", -1);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{") && expected[i].endsWith("}") && !actual[i].isEmpty()) {
                parameters.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
            } else if (!expected[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

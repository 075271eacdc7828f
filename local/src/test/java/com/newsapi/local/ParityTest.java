package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Docker-free local API against the real `sam local start-api`, both serving the same table:
 * the same requests go to both, and status, body and the headers that matter must agree, except
 * for the differences listed in {@link #KNOWN} (and in README) with their reasons.
 *
 * <p>Run by `make sam-local-test` with {@code -Dparity.local=URL -Dparity.sam=URL}; skipped otherwise.
 */
@EnabledIfSystemProperty(named = "parity.sam", matches = ".+")
class ParityTest {

    private static final List<String> HEADERS = List.of("content-type", "etag", "cache-control", "location",
            "last-modified", "retry-after", "access-control-allow-origin", "access-control-expose-headers",
            "access-control-allow-methods", "access-control-allow-headers", "access-control-max-age");
    private static final String KIM = "trump-wants-to-reconnect-with-kim-jong-un";

    private static final String NO_JWT = "sam local does not run JWT authorizers: the request reaches the function, which "
            + "answers 401 problem+json itself; API Gateway (and the local API) answer 401 {\"message\":\"Unauthorized\"} first";
    private static final String NO_ROUTE = "sam local answers a path no route matches (also one whose parameter holds an "
            + "encoded slash, which it decodes before matching) with 403 {\"message\":\"Missing Authentication Token\"}, "
            + "as REST APIs do; HTTP APIs answer 404 {\"message\":\"Not Found\"}, and the local API follows them";

    /** Request name and aspect: why the two servers differ there. README lists the same. */
    static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("create without a token/body", NO_JWT),
            Map.entry("create without a token/content-type", NO_JWT),
            Map.entry("create without a token/cache-control", NO_JWT),
            Map.entry("desk without a token/body", NO_JWT),
            Map.entry("desk without a token/content-type", NO_JWT),
            Map.entry("desk without a token/cache-control", NO_JWT),
            Map.entry("desk article without a token/body", NO_JWT),
            Map.entry("desk article without a token/content-type", NO_JWT),
            Map.entry("desk article without a token/cache-control", NO_JWT),
            Map.entry("unpublish without a token/body", NO_JWT),
            Map.entry("unpublish without a token/content-type", NO_JWT),
            Map.entry("unpublish without a token/cache-control", NO_JWT),
            Map.entry("odd id/status", NO_ROUTE),
            Map.entry("odd id/body", NO_ROUTE),
            Map.entry("odd id/content-type", NO_ROUTE),
            Map.entry("odd id/cache-control", NO_ROUTE),
            Map.entry("unknown route/status", NO_ROUTE),
            Map.entry("unknown route/body", NO_ROUTE),
            Map.entry("cors simple/access-control-expose-headers", "sam local leaves the configured ExposeHeaders out; "
                    + "API Gateway sends them, and a browser needs them to read ETag"),
            Map.entry("conditional get/last-modified", "sam local drops Last-Modified from a 304; API Gateway passes the "
                    + "function's headers through"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI local = URI.create(System.getProperty("parity.local", "http://127.0.0.1:3000"));
    private final URI sam = URI.create(System.getProperty("parity.sam", "http://127.0.0.1:3001"));

    record Probe(String name, String method, String pathAndQuery, Map<String, String> headers, String body) {
    }

    @Test
    void bothServers_answerTheSameRequestsAlike() {
        List<Probe> probes = new ArrayList<>(List.of(
                probe("list", "/articles?limit=3"),
                probe("list all", "/articles?limit=100"),
                probe("article by slug", "/articles/" + KIM),
                probe("article by id", "/articles/76d4847c855c7079"),
                probe("article fields", "/articles/" + KIM + "?fields=title,publishedAt"),
                probe("missing article", "/articles/no-such-story"),
                probe("odd id", "/articles/..%2F..%2Fetc"),
                probe("search", "/articles?q=kim+jong&fields=id,title"),
                probe("author filter", "/articles?author=Ruta%20Deshpande"),
                probe("date filter", "/articles?from=2025-01-01&to=2025-01-31"),
                probe("future from", "/articles?from=3000-01-01"),
                probe("limit out of range", "/articles?limit=0"),
                probe("forged cursor", "/articles?cursor=forged"),
                probe("unknown parameter", "/articles?sort=oldest"),
                probe("tags", "/tags"),
                probe("sync token not issued here", "/sync?syncToken=garbage"),
                probe("sync with an unknown parameter", "/sync?since=2026-01-01"),
                probe("authors", "/authors"),
                probe("openapi", "/openapi.yaml"),
                probe("unknown route", "/nothing-here"),
                new Probe("cors simple", "GET", "/articles?limit=1", Map.of("Origin", "https://app.example"), null),
                new Probe("create without a token", "POST", "/articles", Map.of("Content-Type", "application/json"),
                        "{\"title\":\"T\",\"body\":[{\"type\":\"paragraph\",\"text\":\"x\"}]}"),
                probe("desk without a token", "/desk/articles"),
                probe("desk article without a token", "/desk/articles/76d4847c855c7079"),
                new Probe("unpublish without a token", "POST", "/articles/76d4847c855c7079/unpublish", Map.of(), null),
                probe("preview, altered token", "/preview/AAAA.BBBB"),
                probe("desk page without its slash", "/desk"),
                probe("desk page", "/desk/"),
                probe("desk script", "/desk/desk.js"),
                probe("desk, unknown file", "/desk/secrets.txt")));
        HttpResponse<String> firstPage = send(local, probes.getFirst());
        String cursor = json(firstPage.body()).path("nextCursor").asText();
        probes.add(probe("next page", "/articles?limit=3&cursor=" + cursor));
        String etag = send(local, probes.get(2)).headers().firstValue("etag").orElseThrow();
        probes.add(new Probe("conditional get", "GET", "/articles/" + KIM, Map.of("If-None-Match", etag), null));

        List<String> unexpected = new ArrayList<>();
        int matched = 0;
        int known = 0;
        for (Probe probe : probes) {
            Map<String, String> differences = compare(send(local, probe), send(sam, probe));
            if (differences.isEmpty()) {
                matched++;
            }
            for (Map.Entry<String, String> difference : differences.entrySet()) {
                String key = probe.name() + "/" + difference.getKey();
                if (KNOWN.containsKey(key)) {
                    known++;
                } else {
                    unexpected.add(key + ": " + difference.getValue());
                }
            }
        }

        System.out.printf("parity: %d of %d requests matched exactly; %d known differences; %d unexpected%n",
                matched, probes.size(), known, unexpected.size());
        unexpected.forEach(line -> System.out.println("  unexpected " + line));
        assertThat(unexpected).isEmpty();
    }

    private static Probe probe(String name, String pathAndQuery) {
        return new Probe(name, "GET", pathAndQuery, Map.of(), null);
    }

    private Map<String, String> compare(HttpResponse<String> ours, HttpResponse<String> theirs) {
        Map<String, String> differences = new LinkedHashMap<>();
        if (ours.statusCode() != theirs.statusCode()) {
            differences.put("status", ours.statusCode() + " vs " + theirs.statusCode());
        }
        for (String header : HEADERS) {
            Optional<String> a = ours.headers().firstValue(header);
            Optional<String> b = theirs.headers().firstValue(header);
            if (!a.map(String::toLowerCase).equals(b.map(String::toLowerCase))) {
                differences.put(header, a.orElse("-") + " vs " + b.orElse("-"));
            }
        }
        if (!sameBody(ours.body(), theirs.body())) {
            differences.put("body", abbreviate(ours.body()) + " vs " + abbreviate(theirs.body()));
        }
        return differences;
    }

    private static boolean sameBody(String a, String b) {
        JsonNode left = json(a);
        JsonNode right = json(b);
        return left != null && right != null ? left.equals(right) : Objects.equals(a, b);
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isEmpty() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private HttpResponse<String> send(URI base, Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(probe.pathAndQuery())).timeout(Duration.ofSeconds(60))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body()));
        probe.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(probe + " to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "-" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}

package com.newsapi.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.newsapi.config.Dependencies;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's routes, each with one instance of its handler class, made once with the constructor
 * its no-arg one (Lambda's) delegates to, given the local API's {@link Dependencies} instead of the
 * process environment's; a handler that needs nothing (GetOpenApiHandler) is made with its no-arg one.
 * Matching follows API Gateway: a literal segment beats a parameter, so the most specific route wins.
 */
public final class Routes {

    /** A request matched to its route, with the path parameters decoded. */
    public record Match(SamTemplate.Route route, RequestHandler<?, ?> handler, Map<String, String> pathParameters) {
    }

    private record Entry(SamTemplate.Route route, Pattern pattern, List<String> names, RequestHandler<?, ?> handler) {
    }

    private final List<Entry> entries;

    private Routes(List<Entry> entries) {
        this.entries = entries;
    }

    /** Instantiates every route's handler, each wired from {@code dependencies}. */
    public static Routes of(List<SamTemplate.Route> routes, Dependencies dependencies) {
        Map<String, RequestHandler<?, ?>> handlers = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (SamTemplate.Route route : routes) {
            RequestHandler<?, ?> handler = handlers.computeIfAbsent(route.handlerClass(), name -> instantiate(name, dependencies));
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder("^");
            for (String segment : route.path().split("/", -1)) {
                if (segment.isEmpty()) {
                    continue;
                }
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("+}")) {
                    names.add(segment.substring(1, segment.length() - 2));
                    regex.append("(.+)");
                } else if (segment.startsWith("{") && segment.endsWith("}")) {
                    names.add(segment.substring(1, segment.length() - 1));
                    regex.append("([^/]+)");
                } else {
                    regex.append(Pattern.quote(segment));
                }
            }
            entries.add(new Entry(route, Pattern.compile(regex.append("/?$").toString()), names, handler));
        }
        entries.sort(Comparator.comparingInt((Entry entry) -> entry.names().size()));
        return new Routes(entries);
    }

    public Optional<Match> match(String method, String rawPath) {
        for (Entry entry : entries) {
            if (!entry.route().method().equals(method) && !entry.route().method().equals("ANY")) {
                continue;
            }
            Matcher matcher = entry.pattern().matcher(rawPath);
            if (matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < entry.names().size(); i++) {
                    parameters.put(entry.names().get(i), decode(matcher.group(i + 1)));
                }
                return Optional.of(new Match(entry.route(), entry.handler(), parameters));
            }
        }
        return Optional.empty();
    }

    public RequestHandler<?, ?> handlerOf(String method, String pathTemplate) {
        return entries.stream()
                .filter(entry -> entry.route().method().equals(method) && entry.route().path().equals(pathTemplate))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no route " + method + " " + pathTemplate))
                .handler();
    }

    public List<SamTemplate.Route> all() {
        return entries.stream().map(Entry::route).toList();
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static RequestHandler<?, ?> instantiate(String className, Dependencies dependencies) {
        try {
            Class<?> handler = Class.forName(className);
            try {
                return (RequestHandler<?, ?>) handler.getConstructor(Dependencies.class).newInstance(dependencies);
            } catch (NoSuchMethodException needsNothing) {
                return (RequestHandler<?, ?>) handler.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create handler " + className, e);
        }
    }
}

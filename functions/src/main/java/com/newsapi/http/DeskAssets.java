package com.newsapi.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The desk page's files, bundled in the package under {@code desk/} and read once at init. Only the
 * names listed here are served (an allow-list: no path from the request ever reaches the class loader).
 */
public final class DeskAssets {

    /** A bundled file and the Content-Type it is served with. */
    public record Asset(String name, String contentType, String body) {
    }

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "desk.css", "text/css; charset=utf-8",
            "desk.js", "text/javascript; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8",
            "auth.js", "text/javascript; charset=utf-8",
            "editor.js", "text/javascript; charset=utf-8");

    private final Map<String, Asset> assets;

    private DeskAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Reads every listed file; a missing one fails init, not a request. */
    public static DeskAssets bundled() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        CONTENT_TYPES.forEach((name, type) -> assets.put(name, new Asset(name, type, read("desk/" + name))));
        return new DeskAssets(Map.copyOf(assets));
    }

    /** The listed file of that exact name; empty for any other name. */
    public Optional<Asset> get(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static String read(String resource) {
        try (InputStream in = DeskAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " was not packaged with the function");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

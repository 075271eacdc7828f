package com.newsapi.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.newsapi.config.Dependencies;
import com.newsapi.config.DeskSettings;
import com.newsapi.error.DeskFileNotFound;
import com.newsapi.http.Caching;
import com.newsapi.http.DeskAssets;
import com.newsapi.http.Guard;
import com.newsapi.codec.Json;
import com.newsapi.http.ListQueries;
import com.newsapi.http.Requests;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * GET /desk and GET /desk/{file}: the editors' desk page (index.html and its bundled assets) and
 * {@code config.json}, which tells the page how to sign in. No data and no token passes through here.
 */
public final class GetDeskHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String CONFIG_FILE = "config.json";
    static final String SCOPES = "openid email profile";
    /** Assets have no fingerprint in their names: browsers keep them briefly and revalidate by ETag. */
    static final String ASSET_CACHE_CONTROL = "public, max-age=300";
    /** The page and its sign-in settings are revalidated on every load. */
    static final String PAGE_CACHE_CONTROL = "no-cache";

    static final Set<String> CALLBACK_PARAMETERS = Set.of("code", "state", "error", "error_description");

    private final DeskAssets assets;
    private final Supplier<DeskSettings> settingsSource;
    private volatile DeskSettings settings;

    /**
     * Settings are read on the first request, not at init: SnapStart runs init while the version is
     * published, before the stack's settings parameter exists (it cannot come first, see DeskSettings).
     */
    public GetDeskHandler() {
        this(Dependencies.fromEnvironment());
    }

    public GetDeskHandler(Dependencies dependencies) {
        this(DeskAssets.bundled(), dependencies::deskSettings);
    }

    GetDeskHandler(DeskAssets assets, Supplier<DeskSettings> settingsSource) {
        this.assets = assets;
        this.settingsSource = settingsSource;
    }

    private DeskSettings settings() {
        DeskSettings loaded = settings;
        if (loaded == null) {
            loaded = settingsSource.get();
            settings = loaded;
        }
        return loaded;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Guard.run(event, context, () -> {
            DeskSettings current = settings();
            String file = event.getPathParameters() == null ? null : event.getPathParameters().get("file");
            // The sign-in service sends the editor back to the page with these (RFC 6749, 4.1.2).
            ListQueries.rejectUnknown(event, file == null ? CALLBACK_PARAMETERS : Set.of());
            if (file == null) {
                // HTTP API routes /desk and /desk/ alike; the page's relative links need the slash.
                if (event.getRawPath() == null || !event.getRawPath().endsWith("/")) {
                    // A body with its type: without one `sam local` answers application/json, API Gateway nothing.
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(308)
                            .withHeaders(Map.of("Location", "desk/", "Cache-Control", ASSET_CACHE_CONTROL,
                                    "Content-Type", "text/plain; charset=utf-8"))
                            .withBody("The desk is at desk/\n").withIsBase64Encoded(false).build();
                }
                file = "index.html";
            }
            if (file.equals(CONFIG_FILE)) {
                return Caching.conditional(event, "application/json", config(event, current), headers(current, PAGE_CACHE_CONTROL));
            }
            DeskAssets.Asset asset = assets.get(file).orElseThrow(DeskFileNotFound::new);
            String cacheControl = asset.name().equals("index.html") ? PAGE_CACHE_CONTROL : ASSET_CACHE_CONTROL;
            return Caching.conditional(event, asset.contentType(), asset.body(), headers(current, cacheControl));
        });
    }

    /** The page's sign-in settings; relative endpoints (the local API's) are made absolute on the request's origin. */
    private static String config(APIGatewayV2HTTPEvent event, DeskSettings settings) {
        String origin = origin(event);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("authorizeUrl", absolute(settings.authorizeUrl(), origin));
        config.put("tokenUrl", absolute(settings.tokenUrl(), origin));
        config.put("logoutUrl", absolute(settings.logoutUrl(), origin));
        config.put("clientId", settings.clientId());
        config.put("redirectUri", origin + stagePrefix(event) + "/desk/");
        config.put("scopes", SCOPES);
        config.put("apiUrl", settings.apiUrl().replaceAll("/+$", ""));
        try {
            return Json.mapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Security headers of every desk answer. The CSP allows scripts, styles and fetches from this
     * origin only, plus fetches to the sign-in token endpoint and the API when they live elsewhere;
     * no inline script, no framing, no plugin, and the page's URL (which briefly carries the sign-in
     * code) is never sent as a Referer.
     */
    private static Map<String, String> headers(DeskSettings settings, String cacheControl) {
        Set<String> connect = new LinkedHashSet<>(List.of("'self'"));
        originOf(settings.tokenUrl()).ifPresent(connect::add);
        originOf(settings.apiUrl()).ifPresent(connect::add);
        String csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + String.join(" ", connect) + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return Map.of(
                "Cache-Control", cacheControl,
                "Content-Security-Policy", csp,
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "no-referrer");
    }

    private static Optional<String> originOf(String url) {
        if (url == null || !url.startsWith("http")) {
            return Optional.empty();
        }
        URI uri = URI.create(url);
        return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    private static String absolute(String url, String origin) {
        return url.startsWith("/") ? origin + url : url;
    }

    /** The origin the browser used: API Gateway's Host and X-Forwarded-Proto (the local API sets both too). */
    private static String origin(APIGatewayV2HTTPEvent event) {
        String host = Requests.header(event, "host").orElseGet(() -> event.getRequestContext() == null
                || event.getRequestContext().getDomainName() == null ? "localhost" : event.getRequestContext().getDomainName());
        String scheme = Requests.header(event, "x-forwarded-proto").orElse("https");
        return scheme + "://" + host;
    }

    private static String stagePrefix(APIGatewayV2HTTPEvent event) {
        String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
        return stage == null || stage.isEmpty() || stage.equals("$default") ? "" : "/" + stage;
    }
}

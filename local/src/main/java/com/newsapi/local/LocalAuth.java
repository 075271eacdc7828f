package com.newsapi.local;

import com.newsapi.digest.Sha256;
import com.newsapi.codec.Json;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local API's stand-in for the user pool's hosted sign-in: OAuth 2 authorization code with
 * PKCE (RFC 7636, S256 only), so the desk page signs in locally exactly as it does on AWS, with no
 * token copied by hand. {@code /local-auth/authorize} asks "sign in as" (anyone may: this is a
 * development server on loopback), {@code /local-auth/token} exchanges the code once, within a
 * minute, for the verifier whose S256 hash is the challenge, and answers with a token of the
 * {@code editors} group minted by {@link LocalTokens}.
 */
final class LocalAuth {

    static final String CLIENT_ID = LocalTokens.AUDIENCE;
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** What the token endpoint answers: a status and, for 200, the tokens; otherwise an OAuth error code. */
    record TokenAnswer(int status, Map<String, Object> body) {
    }

    private record Grant(String challenge, String redirectUri, String email, String name, Instant expiresAt) {
    }

    private final LocalTokens tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    LocalAuth(LocalTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Why an authorization request cannot go on, or empty when it can. The redirect must go back to
     * the local API itself (loopback), so this page cannot be used to send a code elsewhere.
     */
    Optional<String> refusal(Map<String, String> request) {
        if (!"code".equals(request.get("response_type"))) {
            return Optional.of("response_type must be code");
        }
        if (!CLIENT_ID.equals(request.get("client_id"))) {
            return Optional.of("unknown client_id");
        }
        if (!"S256".equals(request.get("code_challenge_method")) || blank(request.get("code_challenge"))) {
            return Optional.of("PKCE with code_challenge_method S256 is required");
        }
        if (!loopback(request.get("redirect_uri"))) {
            return Optional.of("redirect_uri must be a page of this local API (http on 127.0.0.1 or localhost)");
        }
        return Optional.empty();
    }

    /** Signs in as {@code email}: the redirect back, carrying a fresh one-use code and the request's state. */
    String approve(Map<String, String> request, String email, String name) {
        String code = randomText();
        codes.put(code, new Grant(request.get("code_challenge"), request.get("redirect_uri"), email.strip(),
                blank(name) ? email.strip() : name.strip(), clock.instant().plus(CODE_LIFETIME)));
        String separator = request.get("redirect_uri").contains("?") ? "&" : "?";
        String state = request.get("state");
        return request.get("redirect_uri") + separator + "code=" + code
                + (blank(state) ? "" : "&state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    /** The token endpoint (RFC 6749 4.1.3 with RFC 7636 4.6): a code is spent by its first use, right or wrong. */
    TokenAnswer exchange(Map<String, String> form) {
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return error("unsupported_grant_type");
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
            return error("invalid_grant");
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !grant.redirectUri().equals(form.get("redirect_uri"))
                || blank(form.get("code_verifier")) || !MessageDigest.isEqual(
                        s256(form.get("code_verifier")).getBytes(StandardCharsets.US_ASCII),
                        grant.challenge().getBytes(StandardCharsets.US_ASCII))) {
            return error("invalid_grant");
        }
        String token = tokens.mint(grant.email(), List.of("editors"), clock.instant(), TOKEN_LIFETIME, LocalTokens.AUDIENCE,
                Map.of("email", grant.email(), "name", grant.name(), "cognito:username", grant.email()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("id_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return new TokenAnswer(200, body);
    }

    static final String PREFIX = "/local-auth/";

    /** Serves /local-auth/authorize (GET: the page, POST: its form), /local-auth/token and /local-auth/logout. */
    void serve(HttpExchange exchange, byte[] body) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = Events.queryParameters(exchange.getRequestURI().getRawQuery());
        Map<String, String> form = Events.queryParameters(new String(body, StandardCharsets.UTF_8));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        switch (method + " " + path) {
            case "GET /local-auth/authorize" -> {
                Optional<String> refusal = refusal(query);
                if (refusal.isPresent()) {
                    send(exchange, 400, "text/plain; charset=utf-8", "Sign-in refused: " + refusal.get());
                } else {
                    send(exchange, 200, "text/html; charset=utf-8", signInPage(query));
                }
            }
            case "POST /local-auth/authorize" -> {
                Optional<String> refusal = refusal(form);
                if (refusal.isPresent() || blank(form.get("email"))) {
                    send(exchange, 400, "text/plain; charset=utf-8", "Sign-in refused: " + refusal.orElse("an email is required"));
                } else {
                    redirect(exchange, approve(form, form.get("email"), form.get("name")));
                }
            }
            case "POST /local-auth/token" -> {
                TokenAnswer answer = exchange(form);
                send(exchange, answer.status(), "application/json", Json.mapper().writeValueAsString(answer.body()));
            }
            case "GET /local-auth/logout" -> {
                if (loopback(query.get("logout_uri"))) {
                    redirect(exchange, query.get("logout_uri"));
                } else {
                    send(exchange, 400, "text/plain; charset=utf-8", "logout_uri must be a page of this local API");
                }
            }
            default -> send(exchange, 404, "text/plain; charset=utf-8", "Not found");
        }
    }

    /** "Sign in as": the request's parameters ride along in hidden fields, every value escaped. */
    private static String signInPage(Map<String, String> request) {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("response_type", "client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method")) {
            if (request.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(request.get(name))).append("\">");
            }
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Local sign-in</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
                + "<main><h1>Local sign-in</h1><p>The local API's stand-in for the user pool's hosted sign-in:"
                + " anyone may sign in here as an editor.</p>"
                + "<form method=\"post\" action=\"/local-auth/authorize\">" + hidden
                + "<p><label for=\"email\">Email</label><br><input id=\"email\" name=\"email\" type=\"email\" required"
                + " value=\"editor@example.com\"></p>"
                + "<p><label for=\"name\">Name</label><br><input id=\"name\" name=\"name\" value=\"Local Editor\"></p>"
                + "<p><button type=\"submit\">Sign in</button></p></form></main></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** BASE64URL(SHA256(ASCII(verifier))), RFC 7636 4.2 (a verifier is ASCII, whose UTF-8 bytes are the same). */
    static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(verifier));
    }

    private static TokenAnswer error(String code) {
        return new TokenAnswer(400, Map.of("error", code));
    }

    private String randomText() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean loopback(String uri) {
        if (blank(uri)) {
            return false;
        }
        try {
            URI parsed = URI.create(uri);
            return "http".equals(parsed.getScheme()) && parsed.getRawUserInfo() == null && parsed.getRawFragment() == null
                    && ("127.0.0.1".equals(parsed.getHost()) || "localhost".equals(parsed.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

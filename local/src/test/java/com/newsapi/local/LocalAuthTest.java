package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.config.Dependencies;
import com.newsapi.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local API's sign-in for the desk page, over HTTP: authorization code with PKCE S256, the
 * code spent by its first use, short-lived, and the redirect kept on loopback.
 */
class LocalAuthTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** RFC 7636, appendix B: the S256 challenge of the verifier above. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @TempDir
    Path keys;
    private LocalTokens tokens;
    private LocalApiServer server;
    private final MovableClock clock = MovableClock.startingAt(Instant.parse("2026-11-30T10:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String base;
    private String redirectUri;

    @BeforeEach
    void start() {
        tokens = LocalTokens.inFolder(keys);
        server = LocalApiServer.start(0, Routes.of(List.of(), new Dependencies(LocalApi.config(URI.create("http://127.0.0.1:9")), clock)), SamTemplate.Cors.NONE, tokens, clock);
        base = "http://127.0.0.1:" + server.port();
        redirectUri = base + "/desk/";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void s256Challenge_isTheRfc7636ExampleValue() {
        assertThat(LocalAuth.s256(VERIFIER)).isEqualTo(CHALLENGE);
    }

    @Test
    void signIn_withTheRightVerifier_givesAnEditorsToken_theLocalAuthorizerAccepts() throws Exception {
        HttpResponse<String> page = get("/local-auth/authorize?" + form(authorizeRequest("st<ate>")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("value=\"st&lt;ate&gt;\"").doesNotContain("st<ate>");

        URI back = approve("ann@example.com", "st<ate>");
        assertThat(back.toString()).startsWith(redirectUri + "?code=").endsWith("&state=st%3Cate%3E");

        HttpResponse<String> answer = token(code(back), VERIFIER);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(answer.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
        Optional<Map<String, String>> claims = tokens.validate("Bearer " + body.path("id_token").asText(), clock.instant());
        assertThat(claims).isPresent();
        assertThat(claims.get()).containsEntry("email", "ann@example.com").containsEntry("cognito:groups", "[editors]")
                .containsEntry("aud", LocalTokens.AUDIENCE);
    }

    @Test
    void aWrongVerifier_isRefused_andSpendsTheCode() throws Exception {
        String code = code(approve("ann@example.com", "s"));

        HttpResponse<String> wrong = token(code, VERIFIER.replace('d', 'e'));
        HttpResponse<String> rightAfterWrong = token(code, VERIFIER);

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant");
        assertThat(rightAfterWrong.statusCode()).isEqualTo(400);
    }

    @Test
    void aCode_worksOnce() throws Exception {
        String code = code(approve("ann@example.com", "s"));

        HttpResponse<String> first = token(code, VERIFIER);
        HttpResponse<String> second = token(code, VERIFIER);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("invalid_grant");
    }

    @Test
    void aCode_expiresAfterAMinute() throws Exception {
        String code = code(approve("ann@example.com", "s"));

        clock.advance(LocalAuth.CODE_LIFETIME);

        assertThat(token(code, VERIFIER).statusCode()).isEqualTo(400);
    }

    @Test
    void theCode_isBoundToItsRedirectUri() throws Exception {
        String code = code(approve("ann@example.com", "s"));
        redirectUri = base + "/elsewhere/";

        assertThat(token(code, VERIFIER).statusCode()).isEqualTo(400);
    }

    @Test
    void authorize_refusesPlainPkce_anUnknownClient_andARedirectOffLoopback() throws Exception {
        Map<String, String> plain = authorizeRequest("s");
        plain.put("code_challenge_method", "plain");
        Map<String, String> stranger = authorizeRequest("s");
        stranger.put("client_id", "someone-else");
        Map<String, String> away = authorizeRequest("s");
        away.put("redirect_uri", "https://attacker.example/desk/");

        for (Map<String, String> request : List.of(plain, stranger, away)) {
            assertThat(get("/local-auth/authorize?" + form(request)).statusCode()).as(request.toString()).isEqualTo(400);
            request.put("email", "ann@example.com");
            assertThat(post("/local-auth/authorize", request).statusCode()).as(request.toString()).isEqualTo(400);
        }
    }

    @Test
    void logout_returnsToTheDesk_onlyOnLoopback() throws Exception {
        HttpResponse<String> back = get("/local-auth/logout?" + form(Map.of("client_id", LocalAuth.CLIENT_ID, "logout_uri", redirectUri)));
        HttpResponse<String> away = get("/local-auth/logout?" + form(Map.of("client_id", LocalAuth.CLIENT_ID,
                "logout_uri", "https://attacker.example/")));

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("location")).hasValue(redirectUri);
        assertThat(away.statusCode()).isEqualTo(400);
    }

    private Map<String, String> authorizeRequest(String state) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", LocalAuth.CLIENT_ID);
        request.put("redirect_uri", redirectUri);
        request.put("state", state);
        request.put("code_challenge", CHALLENGE);
        request.put("code_challenge_method", "S256");
        return request;
    }

    private URI approve(String email, String state) throws IOException, InterruptedException {
        Map<String, String> request = authorizeRequest(state);
        request.put("email", email);
        request.put("name", "Ann");
        HttpResponse<String> redirect = post("/local-auth/authorize", request);
        assertThat(redirect.statusCode()).isEqualTo(302);
        return URI.create(redirect.headers().firstValue("location").orElseThrow());
    }

    private static String code(URI back) {
        return Events.queryParameters(back.getRawQuery()).get("code");
    }

    private HttpResponse<String> token(String code, String verifier) throws IOException, InterruptedException {
        return post("/local-auth/token", Map.of("grant_type", "authorization_code", "client_id", LocalAuth.CLIENT_ID,
                "code", code, "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

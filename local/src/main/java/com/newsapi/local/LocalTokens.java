package com.newsapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The local stand-in for the editors' identity provider: an RS256 key pair kept in {@code .local/}
 * (made on first use, never committed), tokens minted with it, and validation the way API Gateway's
 * JWT authorizer does it (signature, issuer, audience, expiry, not-before).
 */
public final class LocalTokens {

    public static final String ISSUER = "https://newsapi.local/editors";
    public static final String AUDIENCE = "newsapi-local";
    static final String KEY_ID = "local-editor-key";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    LocalTokens(KeyPair keys) {
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
    }

    /** The key pair in {@code folder}, made there on first use. */
    public static LocalTokens inFolder(Path folder) {
        Path file = folder.resolve("editor-key.properties");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (var in = Files.newInputStream(file)) {
                    stored.load(in);
                }
                return new LocalTokens(new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.getProperty("public")))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.getProperty("private"))))));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Files.createDirectories(folder);
            Properties stored = new Properties();
            stored.setProperty("public", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            stored.setProperty("private", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            try (var out = Files.newOutputStream(file)) {
                stored.store(out, "Local development only: signs editor tokens for the Docker-free local API");
            }
            return new LocalTokens(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as an identity provider would issue it: signed, with issuer, audience, expiry and groups. */
    public String mint(String subject, List<String> groups, Instant issuedAt, Duration lifetime, String audience) {
        return mint(subject, groups, issuedAt, lifetime, audience, Map.of());
    }

    /** As above, with more claims (the desk's sign-in adds email and name, as the user pool's ID token has them). */
    public String mint(String subject, List<String> groups, Instant issuedAt, Duration lifetime, String audience,
                       Map<String, Object> extraClaims) {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iss", ISSUER);
        claims.put("aud", audience);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("cognito:groups", groups);
        extraClaims.forEach(claims::putIfAbsent);
        try {
            String signingInput = B64.encodeToString(Json.mapper().writeValueAsBytes(header)) + "."
                    + B64.encodeToString(Json.mapper().writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of a valid bearer token, flattened as API Gateway passes them to the function
     * (an array claim becomes {@code [a b]}), or empty for anything API Gateway would answer 401.
     */
    public Optional<Map<String, String>> validate(String authorizationHeader, Instant now) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorizationHeader.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText()) || !KEY_ID.equals(header.path("kid").asText())) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(publicKey);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!claims.isObject() || !ISSUER.equals(claims.path("iss").asText()) || !audienceMatches(claims.path("aud"))
                    || !claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= now.getEpochSecond()
                    || claims.has("nbf") && claims.path("nbf").asLong() > now.getEpochSecond()) {
                return Optional.empty();
            }
            Map<String, String> flat = new LinkedHashMap<>();
            ((ObjectNode) claims).fields().forEachRemaining(claim -> flat.put(claim.getKey(), flatten(claim.getValue())));
            return Optional.of(flat);
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean audienceMatches(JsonNode aud) {
        if (aud.isArray()) {
            for (JsonNode value : aud) {
                if (AUDIENCE.equals(value.asText())) {
                    return true;
                }
            }
            return false;
        }
        return AUDIENCE.equals(aud.asText());
    }

    private static String flatten(JsonNode value) {
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder("[");
            value.forEach(item -> joined.append(joined.length() > 1 ? " " : "").append(item.asText()));
            return joined.append(']').toString();
        }
        return value.asText();
    }
}

package com.newsapi.local;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The HttpApi's JWT authorizer: a route that names it gets the token's claims, or the request a 401. */
final class JwtAuthorizer {

    private final LocalTokens tokens;
    private final Clock clock;

    JwtAuthorizer(LocalTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The claims of a valid bearer token (checked at the clock's instant); empty for a missing or invalid one. */
    Optional<Map<String, String>> claims(String authorizationHeader) {
        return tokens.validate(authorizationHeader, clock.instant());
    }
}

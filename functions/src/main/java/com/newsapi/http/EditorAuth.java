package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.error.Forbidden;
import com.newsapi.error.Unauthorized;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The handler's half of write authorisation. API Gateway's JWT authorizer (or the local API) has
 * already checked the token's signature, issuer, audience and expiry and put its claims in the
 * event; here the caller must be in the {@code editors} group.
 */
public final class EditorAuth {

    public static final String EDITORS_GROUP = "editors";
    static final String GROUPS_CLAIM = "cognito:groups";

    /** Who is writing: the token's subject. */
    public record Editor(String subject) {
    }

    private EditorAuth() {
    }

    public static Editor requireEditor(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event);
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            throw new Unauthorized("Send a bearer token: Authorization: Bearer <JWT>.");
        }
        if (!groups(claims.get(GROUPS_CLAIM)).contains(EDITORS_GROUP)) {
            throw new Forbidden("Only members of the '" + EDITORS_GROUP + "' group may change articles.");
        }
        return new Editor(subject);
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    /**
     * API Gateway flattens an array claim to a string: {@code [editors admins]} from Cognito, or a
     * JSON array text from other issuers. Both, and a comma-separated list, are read.
     */
    static Set<String> groups(String claim) {
        if (claim == null) {
            return Set.of();
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[,\\s]+"))
                .map(group -> group.replace("\"", "").strip())
                .filter(group -> !group.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}

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

    /**
     * Who is writing: the token's subject, and the name a revision shows ({@link #displayName(Map)}).
     */
    public record Editor(String subject, String name) {
    }

    /** The longest display name kept; a longer claim is cut (it is shown, never parsed). */
    static final int MAX_NAME = 200;

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
        return new Editor(subject, displayName(claims));
    }

    /**
     * The editor's name as revisions show it: the {@code email} claim (Cognito ID tokens), else
     * {@code cognito:username} or {@code username} (access tokens), else the subject.
     */
    static String displayName(Map<String, String> claims) {
        for (String claim : new String[] {"email", "cognito:username", "username", "sub"}) {
            String value = claims.get(claim);
            if (value != null && !value.isBlank()) {
                String name = value.strip();
                return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
            }
        }
        return claims.get("sub");
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

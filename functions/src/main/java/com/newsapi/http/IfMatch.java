package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.error.PreconditionRequired;
import com.newsapi.error.VersionConflict;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the version a change is based on from If-Match, which must hold an ETag this API gave for the article. */
public final class IfMatch {

    /** {@code "<id>-<version>"}, optionally followed by a fields suffix (see {@link Caching#etag}). */
    private static final Pattern ETAG = Pattern.compile("\"([0-9a-f]{16})-([1-9][0-9]{0,17})(\\.[0-9a-f]+)?\"");

    private IfMatch() {
    }

    public static long requireVersion(APIGatewayV2HTTPEvent event, String id) {
        String header = Requests.header(event, "If-Match").map(String::strip).orElse("");
        if (header.isEmpty()) {
            throw new PreconditionRequired("Send If-Match with the article's ETag, so a change never overwrites one you have not seen.");
        }
        // The ETag of a gzipped GET names the same version as the plain one.
        Matcher etag = ETAG.matcher(Compression.identityTag(header));
        if (!etag.matches()) {
            throw new VersionConflict("If-Match must be one strong ETag this API gave for the article.");
        }
        if (!etag.group(1).equals(id)) {
            throw new VersionConflict("If-Match names another article.");
        }
        return Long.parseLong(etag.group(2));
    }
}

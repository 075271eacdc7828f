package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * HTTP APIs do not compress, so the handlers do: a body of at least {@link #MIN_BYTES} goes out
 * gzipped (base64 in the Lambda response, as API Gateway requires for binary bodies) when the
 * client accepts gzip. Only gzip: the JDK has no Brotli encoder, and a native one would cost cold
 * start. The gzipped representation has its own strong ETag (suffix {@code -gzip}, RFC 9110 8.8.3),
 * and {@code Vary: Accept-Encoding} tells caches the two apart.
 */
public final class Compression {

    /** Below this, gzip's framing eats most of the saving (CDNs use about the same floor). */
    static final int MIN_BYTES = 1024;
    static final String GZIP_SUFFIX = "-gzip\"";

    private Compression() {
    }

    public static APIGatewayV2HTTPResponse negotiate(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        if (status != 200 && status != 304) {
            return response;
        }
        Map<String, String> headers = new HashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        // Added to what the handler varies on (a preview varies on Accept too), not in its place.
        headers.merge("Vary", "Accept-Encoding", (theirs, ours) -> theirs + ", " + ours);
        response.setHeaders(headers);
        String body = response.getBody();
        if (status != 200 || body == null || response.getIsBase64Encoded() || !acceptsGzip(event)) {
            return response;
        }
        byte[] plain = body.getBytes(StandardCharsets.UTF_8);
        if (plain.length < MIN_BYTES) {
            return response;
        }
        headers.put("Content-Encoding", "gzip");
        String etag = headers.get("ETag");
        if (etag != null && etag.endsWith("\"")) {
            headers.put("ETag", etag.substring(0, etag.length() - 1) + GZIP_SUFFIX);
        }
        response.setBody(Base64.getEncoder().encodeToString(gzip(plain)));
        response.setIsBase64Encoded(true);
        return response;
    }

    /** The identity ETag of a representation, whichever coding the client's copy came in. */
    static String identityTag(String tag) {
        return tag.endsWith(GZIP_SUFFIX) ? tag.substring(0, tag.length() - GZIP_SUFFIX.length()) + "\"" : tag;
    }

    /** RFC 9110 12.5.3: gzip (or *) listed without q=0. */
    static boolean acceptsGzip(APIGatewayV2HTTPEvent event) {
        String header = Requests.header(event, "Accept-Encoding").orElse("");
        boolean any = false;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    refused = parameter.substring(2).strip().matches("0(\\.0{0,3})?");
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return !refused;
            }
            if (coding.equals("*")) {
                any = !refused;
            }
        }
        return any;
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

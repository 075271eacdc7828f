package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsapi.codec.ArticleDrafts;
import com.newsapi.codec.Json;
import com.newsapi.error.MalformedBody;
import com.newsapi.error.PayloadTooLarge;
import com.newsapi.error.UnsupportedMediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes editors' request bodies into a JSON object: the media type, the size, the encoding and the
 * JSON itself, in that order. The field rules are {@link ArticleDrafts}'s job.
 */
public final class RequestBodies {

    /** Well under DynamoDB's 400 KB item limit, leaving room for index attributes and growth. */
    public static final int MAX_BODY_BYTES = 128 * 1024;

    private RequestBodies() {
    }

    /** The JSON object of a POST or PUT. */
    public static ObjectNode readJson(APIGatewayV2HTTPEvent event) {
        return read(event, Set.of("application/json"));
    }

    /** The JSON merge patch (RFC 7396) of a PATCH; plain application/json is taken as one too. */
    public static ObjectNode readMergePatch(APIGatewayV2HTTPEvent event) {
        return read(event, Set.of("application/merge-patch+json", "application/json"));
    }

    private static ObjectNode read(APIGatewayV2HTTPEvent event, Set<String> mediaTypes) {
        String contentType = Requests.header(event, "Content-Type").orElse("");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaTypes.contains(mediaType)) {
            throw new UnsupportedMediaType("Send the body as " + String.join(" or ", mediaTypes.stream().sorted().toList()) + ".");
        }
        String text = text(event);
        if (text.isBlank()) {
            throw new MalformedBody("The request needs a JSON object body.");
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null || !node.isObject()) {
                throw new MalformedBody("The body must be a JSON object.");
            }
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw new MalformedBody("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The body as text, refusing oversized and non-UTF-8 bodies before parsing. */
    private static String text(APIGatewayV2HTTPEvent event) {
        String body = event.getBody() == null ? "" : event.getBody();
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            if (body.length() > MAX_BODY_BYTES * 4 / 3 + 4) {
                throw tooLarge();
            }
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new MalformedBody("The body is not valid base64.");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBody("The body is not valid UTF-8.");
        }
    }

    private static PayloadTooLarge tooLarge() {
        return new PayloadTooLarge("The body may be at most " + MAX_BODY_BYTES + " bytes.");
    }
}

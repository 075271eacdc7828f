package com.newsapi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Puts change events on an EventBridge bus with the PutEvents API, ten entries a call, stopping at
 * the first entry that fails.
 *
 * <p>Written against the HTTP API (JSON 1.1, SigV4) with the SDK's own signer and HTTP client,
 * because the SDK's {@code eventbridge} module is not available from our package registry; the
 * wire format is small and stable.
 */
public final class EventBridgeSink implements EventSink {

    static final String SOURCE = "news-api.articles";
    private static final int ENTRIES_PER_CALL = 10;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String region;
    private final String busName;

    public EventBridgeSink(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint, String region, String busName) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.region = region;
        this.busName = busName;
    }

    /** The regional endpoint, as the SDK would choose it. */
    public static URI regionalEndpoint(String region) {
        return URI.create("https://events." + region + ".amazonaws.com/");
    }

    @Override
    public int send(List<ChangeEvent> changes) {
        int delivered = 0;
        for (int from = 0; from < changes.size(); from += ENTRIES_PER_CALL) {
            List<ChangeEvent> batch = changes.subList(from, Math.min(changes.size(), from + ENTRIES_PER_CALL));
            JsonNode entries = putEvents(requestBody(batch)).path("Entries");
            for (int i = 0; i < batch.size(); i++) {
                if (!entries.path(i).path("EventId").isTextual()) {
                    return delivered + i;
                }
            }
            delivered += batch.size();
        }
        return delivered;
    }

    private String requestBody(List<ChangeEvent> batch) {
        StringWriter out = new StringWriter(256 * batch.size());
        try (var json = Json.factory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Entries");
            for (ChangeEvent change : batch) {
                json.writeStartObject();
                json.writeStringField("EventBusName", busName);
                json.writeStringField("Source", SOURCE);
                json.writeStringField("DetailType", change.type());
                json.writeStringField("Detail", detail(change));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One signed PutEvents call; a non-2xx answer fails the whole batch (nothing of it counts as delivered). */
    private JsonNode putEvents(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSEvents.PutEvents")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .identity(credentials.resolveCredentials())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "events")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
                byte[] answer = in.readAllBytes();
                if (!response.httpResponse().isSuccessful()) {
                    return Json.mapper().createObjectNode();
                }
                return Json.mapper().readTree(answer);
            }
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    /** The event detail: {@code {"id", "slug", "version", "changedFields"}}. */
    public static String detail(ChangeEvent change) {
        StringWriter out = new StringWriter(160);
        try (var json = Json.factory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", change.id());
            json.writeStringField("slug", change.slug());
            json.writeNumberField("version", change.version());
            json.writeArrayFieldStart("changedFields");
            for (String field : change.changedFields()) {
                json.writeString(field);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

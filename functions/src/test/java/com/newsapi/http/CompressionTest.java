package com.newsapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Response compression: who gets gzip, what changes in the answer, and what stays the same. */
class CompressionTest {

    private static final String BIG = "{\"items\":[" + "{\"title\":\"A long enough story title\"},".repeat(60) + "{}]}";

    @ParameterizedTest(name = "Accept-Encoding: \"{0}\" -> gzip {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip|true", "gzip, deflate, br|true", "br;q=1.0, gzip;q=0.8|true", "*|true", "GZIP|true",
            "identity|false", "deflate, br|false", "gzip;q=0|false", "gzip;q=0.000, *|false", "*;q=0|false", "''|false"})
    void gzip_isChosen_exactlyWhenTheClientAcceptsIt(String acceptEncoding, boolean gzipped) {
        APIGatewayV2HTTPResponse response = Compression.negotiate(request(acceptEncoding), ok(BIG, "\"abc\""));

        assertThat(response.getIsBase64Encoded()).isEqualTo(gzipped);
        assertThat(response.getHeaders()).containsEntry("Vary", "Accept-Encoding");
        assertThat(response.getHeaders().containsKey("Content-Encoding")).isEqualTo(gzipped);
    }

    @Test
    void aGzippedBody_decodesToTheSameBytes_underItsOwnStrongETag() throws IOException {
        APIGatewayV2HTTPResponse response = Compression.negotiate(request("gzip"), ok(BIG, "\"abc\""));

        byte[] gzipped = Base64.getDecoder().decode(response.getBody());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BIG);
        }
        assertThat(gzipped.length).isLessThan(BIG.length() / 5);
        assertThat(response.getHeaders()).containsEntry("Content-Encoding", "gzip").containsEntry("ETag", "\"abc-gzip\"");
    }

    @Test
    void vary_addsAcceptEncoding_toWhatTheHandlerAlreadyVariesOn() {
        APIGatewayV2HTTPResponse negotiated = ok(BIG, "\"abc\"");
        negotiated.setHeaders(Map.of("Content-Type", "text/html", "Vary", "Accept"));

        APIGatewayV2HTTPResponse response = Compression.negotiate(request("gzip"), negotiated);

        assertThat(response.getHeaders()).containsEntry("Vary", "Accept, Accept-Encoding");
    }

    @Test
    void smallBodies_andErrors_goOutAsTheyAre() {
        APIGatewayV2HTTPResponse small = Compression.negotiate(request("gzip"), ok("{\"items\":[]}", "\"abc\""));
        APIGatewayV2HTTPResponse error = ok(BIG, null);
        error.setStatusCode(400);
        Compression.negotiate(request("gzip"), error);

        assertThat(small.getIsBase64Encoded()).isFalse();
        assertThat(small.getHeaders()).containsEntry("ETag", "\"abc\"").doesNotContainKey("Content-Encoding");
        assertThat(error.getIsBase64Encoded()).isFalse();
        assertThat(error.getHeaders()).doesNotContainKey("Vary");
    }

    @Test
    void ifNoneMatch_withTheGzippedETag_isAsGoodAsThePlainOne() {
        APIGatewayV2HTTPEvent revalidation = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("if-none-match", "\"abc-gzip\"", "accept-encoding", "gzip")).build();

        assertThat(Caching.notModified(revalidation, "\"abc\"")).isTrue();
        assertThat(Caching.notModified(revalidation, "\"abd\"")).isFalse();
    }

    private static APIGatewayV2HTTPEvent request(String acceptEncoding) {
        return APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("accept-encoding", acceptEncoding)).build();
    }

    private static APIGatewayV2HTTPResponse ok(String body, String etag) {
        Map<String, String> headers = etag == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "ETag", etag);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
    }
}

package com.newsapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.newsapi.error.InvalidParameter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A preview link names the API the editor called, as each place that runs it fills the request. */
class PreviewLinksTest {

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("API Gateway, $default stage", "abc123.execute-api.eu-west-1.amazonaws.com", "$default",
                        "/desk/articles/0123456789abcdef/preview", Map.of("x-forwarded-proto", "https", "x-forwarded-port", "443"),
                        "https://abc123.execute-api.eu-west-1.amazonaws.com/preview/T"),
                Arguments.of("API Gateway, a named stage (in the raw path)", "abc123.execute-api.eu-west-1.amazonaws.com", "prod",
                        "/prod/desk/articles/0123456789abcdef/preview", Map.of("x-forwarded-proto", "https", "x-forwarded-port", "443"),
                        "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/preview/T"),
                Arguments.of("a custom domain", "news.example.com", "$default",
                        "/desk/articles/0123456789abcdef/preview", Map.of("x-forwarded-proto", "https"),
                        "https://news.example.com/preview/T"),
                Arguments.of("sam local: domainName localhost, the port in X-Forwarded-Port", "localhost", "$default",
                        "/desk/articles/0123456789abcdef/preview",
                        Map.of("host", "127.0.0.1:3000", "x-forwarded-proto", "http", "x-forwarded-port", "3000"),
                        "http://localhost:3000/preview/T"),
                Arguments.of("the local API: domainName is the Host header", "localhost:8080", "$default",
                        "/desk/articles/0123456789abcdef/preview", Map.of("host", "localhost:8080", "x-forwarded-proto", "http"),
                        "http://localhost:8080/preview/T"),
                Arguments.of("no domainName: the Host header", null, null,
                        "/desk/articles/0123456789abcdef/preview", Map.of("host", "[::1]:3000", "x-forwarded-proto", "http"),
                        "http://[::1]:3000/preview/T"),
                Arguments.of("an unknown scheme is https", "api.example.com", "$default",
                        "/desk/articles/0123456789abcdef/preview", Map.of("x-forwarded-proto", "javascript"),
                        "https://api.example.com/preview/T"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theUrl_isBuiltFromTheRequest(String where, String domainName, String stage, String rawPath, Map<String, String> headers,
                                       String expected) {
        assertThat(PreviewLinks.url(event(domainName, stage, rawPath, headers), "T")).isEqualTo(expected);
    }

    @Test
    void aHostThatIsNotAHostName_isRefused() {
        APIGatewayV2HTTPEvent event = event(null, null, "/desk/articles/0123456789abcdef/preview",
                Map.of("host", "evil.example/<script>"));

        assertThatThrownBy(() -> PreviewLinks.url(event, "T")).isInstanceOf(InvalidParameter.class);
    }

    private static APIGatewayV2HTTPEvent event(String domainName, String stage, String rawPath, Map<String, String> headers) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withDomainName(domainName).withStage(stage).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(rawPath).withHeaders(new HashMap<>(headers))
                .withRequestContext(context).build();
    }
}

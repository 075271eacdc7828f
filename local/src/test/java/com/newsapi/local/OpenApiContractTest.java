package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The contract check itself: it must fail on what the document does not promise. */
class OpenApiContractTest {

    private final OpenApiContract contract = new OpenApiContract();

    @Test
    void acceptsADocumentedResponse() {
        assertThatCode(() -> contract.check("GET", "/articles",
                response(200, "application/json", "{\"items\":[{\"id\":\"0123456789abcdef\",\"title\":\"T\"}],\"nextCursor\":null}")))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsAnUndocumentedField_aWrongType_andAnUndocumentedStatus() {
        assertThatThrownBy(() -> contract.check("GET", "/articles",
                response(200, "application/json", "{\"items\":[{\"id\":\"0123456789abcdef\",\"secret\":1}],\"nextCursor\":null}")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/articles/{id}",
                response(200, "application/json", "{\"id\":\"0123456789abcdef\",\"publishedAt\":\"yesterday\"}")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/tags", response(418, "application/json", "{}")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/articles/{id}",
                response(404, "application/problem+json", "{\"title\":\"no type, status or detail\"}")))
                .isInstanceOf(AssertionError.class);
    }

    private static HttpResponse<String> response(int status, String contentType, String body) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of("content-type", List.of(contentType)), (name, value) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public HttpRequest request() {
                return null;
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return URI.create("http://localhost/");
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}

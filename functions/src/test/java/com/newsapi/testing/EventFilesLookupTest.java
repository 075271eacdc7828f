package com.newsapi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler tests find their route's real event by method and path, as API Gateway matches routes. */
class EventFilesLookupTest {

    @Test
    void request_findsEveryEventFile_byItsOwnMethodAndPath_withItsPathParameters() {
        assertThat(EventFiles.httpEventFiles()).hasSizeGreaterThanOrEqualTo(20);
        for (String file : EventFiles.httpEventFiles()) {
            APIGatewayV2HTTPEvent stored = EventFiles.load(file);

            APIGatewayV2HTTPEvent found = EventFiles.request(stored.getRequestContext().getHttp().getMethod(), stored.getRawPath());

            assertThat(found.getRouteKey()).as(file).isEqualTo(stored.getRouteKey());
            assertThat(found.getPathParameters()).as(file).isEqualTo(stored.getPathParameters());
        }
    }

    @Test
    void request_prefersTheLiteralRoute_overAParameter() {
        assertThat(EventFiles.request("GET", "/desk/articles").getRouteKey()).isEqualTo("GET /desk/articles");
        assertThat(EventFiles.request("GET", "/desk/desk.css").getPathParameters()).isEqualTo(Map.of("file", "desk.css"));
    }

    @Test
    void request_refusesAPathNoRouteServes() {
        assertThatThrownBy(() -> EventFiles.request("DELETE", "/tags")).isInstanceOf(IllegalArgumentException.class);
    }
}

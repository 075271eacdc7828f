package com.newsapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsapi.codec.Json;
import com.newsapi.error.InvalidParameter;
import com.newsapi.model.PreviewLink;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The answer of {@code POST /desk/articles/{id}/preview}: the link's absolute URL, built from the
 * request that asked for it, so it names the API the editor called, wherever that runs.
 *
 * <ul>
 *   <li>scheme: {@code X-Forwarded-Proto} (API Gateway sends {@code https}; {@code sam local} and the
 *       local API {@code http}); anything else is taken as https;
 *   <li>host: {@code requestContext.domainName} (the execute-api or custom domain; the local API puts
 *       the Host header there, port included), else the Host header; {@code sam local} always says
 *       {@code localhost}, without its port, so a non-default {@code X-Forwarded-Port} is added;
 *   <li>path: whatever precedes {@code /desk/articles/} in the raw path. On AWS that is the stage
 *       when it is not {@code $default} ({@code /prod}), or a custom domain's mapping key; nothing
 *       locally. The {@code stage} field itself is not used: sam local reports the template's stage
 *       there while serving at the root.
 * </ul>
 */
public final class PreviewLinks {

    private static final String ROUTE = "/desk/articles/";
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");
    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

    private PreviewLinks() {
    }

    public static APIGatewayV2HTTPResponse created(APIGatewayV2HTTPEvent event, PreviewLink link) {
        String url = url(event, link.token());
        String body = Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("url", url);
            json.writeStringField("token", link.token());
            json.writeStringField("expiresAt", link.expiresAt().toString());
            json.writeEndObject();
        });
        return Responses.json(201, body, Map.of("Location", url, "Cache-Control", Responses.NO_STORE));
    }

    static String url(APIGatewayV2HTTPEvent event, String token) {
        String scheme = Requests.header(event, "X-Forwarded-Proto").map(String::strip)
                .filter(proto -> proto.equals("http")).orElse("https");
        return scheme + "://" + host(event, scheme) + basePath(event) + "/preview/" + token;
    }

    private static String host(APIGatewayV2HTTPEvent event, String scheme) {
        Optional<String> domain = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getDomainName).filter(name -> !name.isBlank())
                .or(() -> Requests.header(event, "Host"))
                .map(String::strip);
        if (domain.isEmpty() || !HOST.matcher(domain.get()).matches()) {
            throw new InvalidParameter("Host", "The request names no host a preview link could point to.");
        }
        String host = domain.get();
        boolean hasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
        Optional<String> port = Requests.header(event, "X-Forwarded-Port").map(String::strip)
                .filter(value -> value.matches("[0-9]{1,5}"))
                .filter(value -> !value.equals(scheme.equals("http") ? "80" : "443"));
        return hasPort || port.isEmpty() ? host : host + ":" + port.get();
    }

    private static String basePath(APIGatewayV2HTTPEvent event) {
        String rawPath = Requests.path(event);
        int route = rawPath.lastIndexOf(ROUTE);
        String prefix = route > 0 ? rawPath.substring(0, route) : "";
        return BASE_PATH.matcher(prefix).matches() ? prefix : "";
    }
}

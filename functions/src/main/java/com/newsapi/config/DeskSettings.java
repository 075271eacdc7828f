package com.newsapi.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsapi.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * How the desk page signs editors in, read once per container (on its first request): the OAuth 2 endpoints (absolute, or paths
 * on the page's own origin for the local API), the public client's id and the base URL of the API the
 * page calls (empty: the page's own origin).
 *
 * <p>On AWS the client id and API URL come from the String parameter {@code DESK_SETTINGS_PARAMETER}
 * names ({@code {"clientId":..,"apiUrl":..}}), not from the environment: the desk client's callback
 * names the desk's API, which would otherwise depend on this function through its route (README,
 * "The desk page"). Locally {@code DESK_CLIENT_ID} and {@code DESK_API_URL} are set directly.
 */
public record DeskSettings(String authorizeUrl, String tokenUrl, String logoutUrl, String clientId, String apiUrl) {

    /** From the settings, reading Parameter Store (with a client of {@code ssm}, closed after) only when {@code DESK_CLIENT_ID} is unset. */
    static DeskSettings load(Config config, Supplier<SsmClient> ssm) {
        return resolve(config::optional, name -> {
            try (SsmClient client = ssm.get()) {
                return client.getParameter(get -> get.name(name)).parameter().value();
            } catch (SdkException e) {
                throw new IllegalStateException("Could not read the desk settings from Parameter Store parameter " + name
                        + " (named by " + Config.DESK_SETTINGS_PARAMETER + ")", e);
            }
        });
    }

    /**
     * The settings rule.
     *
     * @param settings       a setting by name, empty when unset or blank
     * @param parameterStore the value of a parameter, by name
     */
    static DeskSettings resolve(Function<String, Optional<String>> settings, UnaryOperator<String> parameterStore) {
        String authorize = required(settings, Config.DESK_AUTHORIZE_URL);
        String token = required(settings, Config.DESK_TOKEN_URL);
        String logout = required(settings, Config.DESK_LOGOUT_URL);
        Optional<String> clientId = settings.apply(Config.DESK_CLIENT_ID);
        if (clientId.isPresent()) {
            return new DeskSettings(authorize, token, logout, clientId.get(), settings.apply(Config.DESK_API_URL).orElse(""));
        }
        String parameter = required(settings, Config.DESK_SETTINGS_PARAMETER);
        try {
            JsonNode stored = Json.mapper().readTree(parameterStore.apply(parameter));
            String storedClient = stored.path("clientId").asText("");
            if (storedClient.isBlank()) {
                throw new IllegalStateException("Parameter " + parameter + " holds no clientId");
            }
            return new DeskSettings(authorize, token, logout, storedClient, stored.path("apiUrl").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException("Parameter " + parameter + " is not JSON", e);
        }
    }

    private static String required(Function<String, Optional<String>> settings, String name) {
        return settings.apply(name).orElseThrow(() -> Config.missing(name));
    }
}

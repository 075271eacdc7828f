package com.newsapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Where the desk page's sign-in settings come from: the environment locally, a String parameter on AWS. */
class DeskSettingsTest {

    private final Map<String, String> environment = new HashMap<>(Map.of(
            Config.DESK_AUTHORIZE_URL, "https://e.auth.eu-west-1.amazoncognito.com/oauth2/authorize",
            Config.DESK_TOKEN_URL, "https://e.auth.eu-west-1.amazoncognito.com/oauth2/token",
            Config.DESK_LOGOUT_URL, "https://e.auth.eu-west-1.amazoncognito.com/logout"));
    private final List<String> parametersRead = new java.util.ArrayList<>();

    @Test
    void aClientIdInTheEnvironment_isUsed_andParameterStoreIsNotAsked() {
        environment.put(Config.DESK_CLIENT_ID, "newsapi-local");

        DeskSettings settings = DeskSettings.resolve(settings(), this::parameter);

        assertThat(settings.clientId()).isEqualTo("newsapi-local");
        assertThat(settings.apiUrl()).isEmpty();
        assertThat(parametersRead).isEmpty();
    }

    @Test
    void onAws_theClientIdAndApiUrl_comeFromTheNamedParameter() {
        environment.put(Config.DESK_SETTINGS_PARAMETER, "/stack/desk-settings");

        DeskSettings settings = DeskSettings.resolve(settings(), this::parameter);

        assertThat(parametersRead).containsExactly("/stack/desk-settings");
        assertThat(settings.clientId()).isEqualTo("abc123client");
        assertThat(settings.apiUrl()).isEqualTo("https://api1.execute-api.eu-west-1.amazonaws.com");
        assertThat(settings.tokenUrl()).isEqualTo("https://e.auth.eu-west-1.amazoncognito.com/oauth2/token");
    }

    @Test
    void aMissingSetting_failsNamingIt() {
        environment.remove(Config.DESK_TOKEN_URL);

        assertThatThrownBy(() -> DeskSettings.resolve(settings(), this::parameter))
                .hasMessageContaining(Config.DESK_TOKEN_URL);
    }

    @Test
    void neitherAClientIdNorAParameter_failsNamingTheParameterSetting() {
        assertThatThrownBy(() -> DeskSettings.resolve(settings(), this::parameter))
                .hasMessageContaining(Config.DESK_SETTINGS_PARAMETER);
    }

    private Function<String, Optional<String>> settings() {
        return name -> Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    private String parameter(String name) {
        parametersRead.add(name);
        return "{\"clientId\":\"abc123client\",\"apiUrl\":\"https://api1.execute-api.eu-west-1.amazonaws.com\"}";
    }
}

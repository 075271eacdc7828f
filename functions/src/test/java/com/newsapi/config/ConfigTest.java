package com.newsapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config.from: the one reader of the functions' settings, from an environment map. */
class ConfigTest {

    @Test
    void aSettingAFunctionNeeds_failsWhenAsked_namingTheVariable() {
        Config config = Config.from(Map.of(Config.AWS_REGION, "eu-west-1"));

        assertThatThrownBy(config::tableName).isInstanceOf(IllegalStateException.class)
                .hasMessage("Missing configuration: environment variable TABLE_NAME is not set");
        assertThatThrownBy(config::eventBusName).hasMessageContaining(Config.EVENT_BUS_NAME);
    }

    @Test
    void blankValues_countAsUnset_asTheTemplateDeclaresSomeEmpty() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, " ", Config.DYNAMODB_ENDPOINT, "", Config.CDN_DISTRIBUTION_ID, ""));

        assertThatThrownBy(config::tableName).hasMessageContaining(Config.TABLE_NAME);
        assertThat(config.dynamoDbEndpoint()).isEmpty();
        assertThat(config.cdnDistributionId()).isEmpty();
    }

    @Test
    void unsetOptionalSettings_takeTheirDefaults() {
        Config config = Config.from(Map.of(Config.TABLE_NAME, "articles"));

        assertThat(config.tableName()).isEqualTo("articles");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.metricsNamespace()).isEqualTo("NewsApi");
        assertThat(config.metrics()).isEmpty();
        assertThat(config.inLambda()).isFalse();
        assertThat(config.credentialsInEnvironment()).isFalse();
    }

    @Test
    void onlyTheNamedSettingsAreKept_notTheRestOfTheEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of(Config.TABLE_NAME, "articles",
                "AWS_SECRET_ACCESS_KEY", "secret", "PATH", "/usr/bin", Config.AWS_LAMBDA_FUNCTION_NAME, "news-GetArticle"));

        Config config = Config.from(environment);

        assertThat(config.settings()).containsOnlyKeys(Config.TABLE_NAME, Config.AWS_LAMBDA_FUNCTION_NAME);
        assertThat(config.toString()).doesNotContain("secret");
        assertThat(config.inLambda()).isTrue();
    }
}

package com.newsapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Which credentials a container's clients sign with. That the chain really signs with container
 * credentials in a fresh JVM is shown by {@code com.newsapi.credentials.CredentialSourcesTest}.
 */
class CredentialsProvidersTest {

    @Test
    void aLocalEngineWithoutCredentialsInTheEnvironment_getsTheFixedLocalPair() {
        Config config = config(Map.of(Config.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000"));

        AwsCredentialsProvider provider = CredentialsProviders.create(config);

        assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("local");
    }

    @Test
    void aLocalEngineWithContainerCredentials_usesThem() {
        Config config = config(Map.of(Config.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000",
                Config.AWS_CONTAINER_CREDENTIALS_FULL_URI, "http://127.0.0.1:9/creds"));

        assertThat(config.credentialsInEnvironment()).isTrue();
        assertThat(CredentialsProviders.create(config)).isInstanceOf(AwsCredentialsProviderChain.class);
    }

    @Test
    void aLocalEngineWithKeysInTheEnvironment_usesThem() {
        Config config = config(Map.of(Config.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000", Config.AWS_ACCESS_KEY_ID, "AKIDEXAMPLE"));

        assertThat(config.credentialsInEnvironment()).isTrue();
        assertThat(CredentialsProviders.create(config)).isInstanceOf(AwsCredentialsProviderChain.class);
    }

    @Test
    void theRegionalEndpoint_neverGetsTheLocalPair_evenWithNoCredentialsInSight() {
        Config config = config(Map.of());

        assertThat(config.credentialsInEnvironment()).isFalse();
        assertThat(CredentialsProviders.create(config)).isInstanceOf(AwsCredentialsProviderChain.class);
    }

    @Test
    void endpointOverrides_areReadFromTheEnvironment_blankMeaningTheRegionalOne() {
        Config config = config(Map.of(Config.EVENTBRIDGE_ENDPOINT, "http://127.0.0.1:1/", Config.SSM_ENDPOINT, " http://127.0.0.1:2/ ",
                Config.CLOUDFRONT_ENDPOINT, ""));

        assertThat(config.eventBridgeEndpoint()).hasValueSatisfying(uri -> assertThat(uri).hasToString("http://127.0.0.1:1/"));
        assertThat(config.ssmEndpoint()).hasValueSatisfying(uri -> assertThat(uri).hasToString("http://127.0.0.1:2/"));
        assertThat(config.cloudFrontEndpoint()).isEmpty();
        assertThat(config(Map.of()).eventBridgeEndpoint()).isEmpty();
    }

    private static Config config(Map<String, String> environment) {
        Map<String, String> withTable = new HashMap<>(environment);
        withTable.put(Config.TABLE_NAME, "articles");
        return Config.from(withTable);
    }
}

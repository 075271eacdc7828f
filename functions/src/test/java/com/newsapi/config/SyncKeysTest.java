package com.newsapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsapi.error.InvalidParameter;
import com.newsapi.codec.SyncTokens;
import com.newsapi.model.ArticleQuery;
import com.newsapi.model.SyncPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where the sync token keys come from, and how several of them let a key be rotated. */
class SyncKeysTest {

    private static final String OLD_KEY = "old-sync-token-key-0123456789";
    private static final String NEW_KEY = "new-sync-token-key-0123456789";

    private final List<String> parametersRead = new ArrayList<>();
    private final UnaryOperator<String> parameterStore = name -> {
        parametersRead.add(name);
        return "key-from-parameter-store-0123456789";
    };

    @Test
    void theKeyInTheEnvironment_isUsed_andParameterStoreIsNotAsked() {
        var settings = settings(Map.of(Config.SYNC_TOKEN_KEY, "key-from-environment-0123456789",
                Config.SYNC_TOKEN_KEY_PARAMETER, "/news/sync-key"));

        List<String> keys = SyncKeys.resolve(settings, parameterStore);

        assertThat(keys).containsExactly("key-from-environment-0123456789");
        assertThat(parametersRead).isEmpty();
    }

    @Test
    void withoutAKeyInTheEnvironment_theNamedParameterIsRead() {
        var settings = settings(Map.of(Config.SYNC_TOKEN_KEY_PARAMETER, "/news/sync-key"));

        List<String> keys = SyncKeys.resolve(settings, parameterStore);

        assertThat(keys).containsExactly("key-from-parameter-store-0123456789");
        assertThat(parametersRead).containsExactly("/news/sync-key");
    }

    @Test
    void withNeitherSetting_initFails_namingBoth() {
        var settings = settings(Map.of());

        assertThatThrownBy(() -> SyncKeys.resolve(settings, parameterStore))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SYNC_TOKEN_KEY ")
                .hasMessageContaining("SYNC_TOKEN_KEY_PARAMETER");
    }

    @Test
    void aBlankKeyInTheEnvironment_countsAsUnset_asTheTemplateSetsIt() {
        Map<String, String> environment = Map.of(Config.SYNC_TOKEN_KEY, "", Config.SYNC_TOKEN_KEY_PARAMETER, "/news/sync-key");

        List<String> keys = SyncKeys.resolve(name -> Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank()),
                parameterStore);

        assertThat(keys).containsExactly("key-from-parameter-store-0123456789");
    }

    static Stream<Arguments> severalKeys() {
        return Stream.of(
                Arguments.of(NEW_KEY + "," + OLD_KEY),
                Arguments.of(NEW_KEY + "\n" + OLD_KEY + "\n"),
                Arguments.of(" " + NEW_KEY + " ,\r\n " + OLD_KEY + " "),
                Arguments.of(NEW_KEY + ",," + OLD_KEY));
    }

    @ParameterizedTest
    @MethodSource("severalKeys")
    void aValueWithSeveralKeys_separatedByCommasOrNewlines_isSplitInOrder(String value) {
        var settings = settings(Map.of(Config.SYNC_TOKEN_KEY_PARAMETER, "/news/sync-key"));

        List<String> keys = SyncKeys.resolve(settings, name -> value);

        assertThat(keys).containsExactly(NEW_KEY, OLD_KEY);
    }

    @Test
    void afterRotation_tokensSignedWithTheOldKey_areStillAccepted() {
        String issuedBeforeRotation = new SyncTokens(OLD_KEY).encode(position(), ArticleQuery.ALL);
        SyncTokens rotated = new SyncTokens(List.of(NEW_KEY, OLD_KEY));

        SyncPosition decoded = rotated.decode(SyncTokens.TOKEN, issuedBeforeRotation, ArticleQuery.ALL);

        assertThat(decoded).isEqualTo(position());
    }

    @Test
    void afterRotation_newTokensAreSignedWithTheFirstKey() {
        SyncTokens rotated = new SyncTokens(List.of(NEW_KEY, OLD_KEY));

        String issued = rotated.encode(position(), ArticleQuery.ALL);

        assertThat(new SyncTokens(NEW_KEY).decode(SyncTokens.TOKEN, issued, ArticleQuery.ALL)).isEqualTo(position());
        assertThatThrownBy(() -> new SyncTokens(OLD_KEY).decode(SyncTokens.TOKEN, issued, ArticleQuery.ALL))
                .isInstanceOf(InvalidParameter.class);
    }

    @Test
    void aTokenSignedWithAKeyNoLongerListed_isRejected() {
        String issued = new SyncTokens("retired-sync-token-key-0123456789").encode(position(), ArticleQuery.ALL);
        SyncTokens rotated = new SyncTokens(List.of(NEW_KEY, OLD_KEY));

        assertThatThrownBy(() -> rotated.decode(SyncTokens.TOKEN, issued, ArticleQuery.ALL))
                .isInstanceOf(InvalidParameter.class);
    }

    @Test
    void everyKeyOfSeveral_mustBeLongEnough() {
        assertThatThrownBy(() -> new SyncTokens(List.of(NEW_KEY, "short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 characters");
    }

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    private static SyncPosition position() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        return new SyncPosition(true, at, at.minusSeconds(3600), at, Optional.empty());
    }
}

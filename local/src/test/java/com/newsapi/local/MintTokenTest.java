package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code make token}: a token the local API accepts, issued at the clock's now, for the asked lifetime. */
class MintTokenTest {

    private static final Instant ISSUED = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path keys;

    @Test
    void withoutArguments_mintsAnEditorForAnHour_fromTheClocksNow() {
        LocalTokens tokens = LocalTokens.inFolder(keys);

        String token = "Bearer " + MintToken.token(new String[0], tokens, MovableClock.startingAt(ISSUED));

        assertThat(tokens.validate(token, ISSUED)).hasValueSatisfying(claims -> {
            assertThat(claims).containsEntry("sub", "local-editor");
            assertThat(claims.get("cognito:groups")).contains("editors");
        });
        assertThat(tokens.validate(token, ISSUED.plus(Duration.ofMinutes(59)))).isPresent();
        assertThat(tokens.validate(token, ISSUED.plus(Duration.ofMinutes(60)))).isEmpty();
    }

    @Test
    void withArguments_mintsThatSubjectAndGroupsForThoseMinutes() {
        LocalTokens tokens = LocalTokens.inFolder(keys);

        String token = "Bearer " + MintToken.token(new String[] {"alice", "readers", "5"}, tokens, MovableClock.startingAt(ISSUED));

        assertThat(tokens.validate(token, ISSUED.plus(Duration.ofMinutes(4)))).hasValueSatisfying(claims -> {
            assertThat(claims).containsEntry("sub", "alice");
            assertThat(claims.get("cognito:groups")).contains("readers").doesNotContain("editors");
        });
        assertThat(tokens.validate(token, ISSUED.plus(Duration.ofMinutes(5)))).isEmpty();
    }
}

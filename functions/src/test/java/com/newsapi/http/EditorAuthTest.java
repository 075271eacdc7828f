package com.newsapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The name a revision shows for the editor who saved it, from the token's claims. */
class EditorAuthTest {

    static Stream<Arguments> claims() {
        return Stream.of(
                Arguments.of(Map.of("sub", "s-1", "email", "ann@example.com", "cognito:username", "ann", "username", "a"), "ann@example.com"),
                Arguments.of(Map.of("sub", "s-1", "cognito:username", "ann", "username", "a"), "ann"),
                Arguments.of(Map.of("sub", "s-1", "username", "ann-access"), "ann-access"),
                Arguments.of(Map.of("sub", "s-1", "email", "  "), "s-1"),
                Arguments.of(Map.of("sub", "s-1"), "s-1"),
                Arguments.of(Map.of("sub", "s-1", "email", "x".repeat(300)), "x".repeat(EditorAuth.MAX_NAME)));
    }

    @ParameterizedTest
    @MethodSource("claims")
    void displayName_isTheEmail_elseTheUsername_elseTheSubject(Map<String, String> claims, String expected) {
        assertThat(EditorAuth.displayName(claims)).isEqualTo(expected);
    }
}

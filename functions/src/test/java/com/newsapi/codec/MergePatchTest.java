package com.newsapi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON merge patch as RFC 7396 specifies it: the test cases of its Appendix A, target + patch = result. */
class MergePatchTest {

    static Stream<Arguments> rfc7396AppendixA() {
        return Stream.of(
                Arguments.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
                Arguments.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
                Arguments.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
                Arguments.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
                Arguments.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
                Arguments.of("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"),
                Arguments.of("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"),
                Arguments.of("{\"a\":\"foo\"}", "null", "null"),
                Arguments.of("{\"a\":\"foo\"}", "\"bar\"", "\"bar\""),
                Arguments.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
                Arguments.of("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"),
                Arguments.of("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @MethodSource("rfc7396AppendixA")
    void apply_givesTheResultTheRfcSpecifies(String target, String patch, String result) throws JsonProcessingException {
        JsonNode patched = MergePatch.apply(json(target), json(patch));

        assertThat(patched).isEqualTo(json(result));
    }

    @ParameterizedTest(name = "{0} + {1} leaves the target as it was")
    @MethodSource("rfc7396AppendixA")
    void apply_leavesTheTargetUnchanged(String target, String patch, String result) throws JsonProcessingException {
        JsonNode original = json(target);

        MergePatch.apply(original, json(patch));

        assertThat(original).isEqualTo(json(target));
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return Json.mapper().readTree(text);
    }
}

package com.newsapi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured Jackson mapper of the application. Responses are written with its streaming
 * generators (no reflection at start-up); request bodies are read as trees.
 */
public final class Json {

    /** Deeply nested or huge documents are rejected while parsing, before they cost memory. */
    private static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(256 * 1024)
            .maxNumberLength(32)
            .build();

    public static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().streamReadConstraints(READ_LIMITS).build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private Json() {
    }

    public static JsonFactory factory() {
        return MAPPER.getFactory();
    }
}

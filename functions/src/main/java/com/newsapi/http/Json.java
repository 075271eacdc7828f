package com.newsapi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured Jackson mapper of the application, and the factory it is built on. Responses
 * are written with the factory's streaming generators, so a read request never builds the mapper
 * (databind is a few hundred classes to load on a cold start); request bodies, cursors and tokens
 * are read as trees by the mapper, built on first use.
 */
public final class Json {

    /** Deeply nested or huge documents are rejected while parsing, before they cost memory. */
    private static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(256 * 1024)
            .maxNumberLength(32)
            .build();

    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(READ_LIMITS).build();

    private Json() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    /** Initialised by the JVM on first access only. */
    private static final class MapperHolder {
        private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }
}

package com.newsapi.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

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

    /** Writes one JSON document with the factory's streaming generator. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    /** The document {@code writer} writes, as a string: how every response body, log line and token is made. */
    public static String write(Writer writer) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Initialised by the JVM on first access only. */
    private static final class MapperHolder {
        private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }
}

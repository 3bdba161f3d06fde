package dev.shortstack.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one ObjectMapper: strict on input, built once per execution environment. */
public final class Json {
    /** The longest string in any input: an API Gateway event carrying a 10 MB body as base64. */
    public static final int MAX_STRING_CHARS = 14 * 1024 * 1024;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        // Hostile bodies may be deeply nested. Strings may be as long as a whole request body inside
        // its event (API Gateway allows 10 MB, base64 makes it 13.4 M characters): the routes check
        // a body's size themselves and answer 413, which a parser limit here would turn into a 500.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(MAX_STRING_CHARS).build());
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}

package io.github.botconnector.teams.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Free-form JSON of this module: Microsoft Graph answers and request bodies, which are read as trees rather than
 * models, and the operation id of a batch send. Models read and write themselves ({@code fromJson}, {@code toJson})
 * with the SDK's mapper. Not public API.
 */
final class JsonTrees {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonTrees() {
    }

    /** The tree of {@code json}, or {@code null} when it is not JSON. */
    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** {@code value} (maps, lists, strings, trees) as compact JSON. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}

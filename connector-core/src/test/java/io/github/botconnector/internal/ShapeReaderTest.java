package io.github.botconnector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.schema.ResourceResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response of a send, {@code {"id":"..."}}, is read without the mapper; whatever the shape reader accepts must
 * read exactly as the mapper reads it, and everything else must be left to the mapper.
 */
class ShapeReaderTest {

    @BeforeAll
    static void registerTheModelsReader() {
        // A model class registers its reader when initialized; the first response a client reads does so.
        ResourceResponse.fromJson("{\"id\":\"0\"}");
    }

    @Test
    void aSendResponseIsReadAsTheMapperReadsIt() {
        for (String json : List.of("{\"id\":\"1\"}", "{\"id\":\"1:1Zq9pXpkqWvR0xTy0v6oT3mYk7kJ2mU0\"}",
                " {\n\t\"id\" : \"1700000000000\" }\r\n", "{\"id\":\"\"}",
                "{\"id\":\"a b~!#$%&'()*+,-./:;<=>?@[]^_`{|}\"}")) {
            Object shaped = Json.readShape(ResourceResponse.class, bytes(json));
            assertNotNull(shaped, json);
            ResourceResponse mapped = ResourceResponse.fromJson(json);
            assertEquals(mapped, shaped, json);
            assertEquals(mapped.id(), ((ResourceResponse) shaped).id(), json);
            assertEquals(mapped.properties(), ((ResourceResponse) shaped).properties(), json);
        }
    }

    @Test
    void anythingElseIsLeftToTheMapper() {
        for (String json : List.of("{\"id\":\"1\",\"x\":2}", "{\"x\":2,\"id\":\"1\"}", "{\"id\":1}", "{\"id\":null}",
                "{\"id\":\"a\\\"b\"}", "{\"id\":\"a\\u0041\"}", "{\"id\":\"é\"}", "{}", "", "   ", "[]",
                "{\"id\":\"1\"} x", "{\"id\":\"1\"}}", "{\"id\":\"1\"", "{\"id\":\"1", "{\"ID\":\"1\"}",
                "{\"idx\":\"1\"}",
                "{\"i\":\"1\"}", "\uFEFF{\"id\":\"1\"}", "{'id':'1'}", "{\"id\":\"1\"}{\"id\":\"1\"}")) {
            assertNull(Json.readShape(ResourceResponse.class, bytes(json)), json);
        }
    }

    @Test
    void whatTheShapeReaderLeavesKeepsTheMappersBehaviour() {
        ResourceResponse unknown = ResourceResponse.fromJson("{\"id\":\"1\",\"x\":2}");
        assertEquals("1", unknown.id());
        assertEquals(2, unknown.properties().get("x"));
        assertThrows(JsonFormatException.class, () -> ResourceResponse.fromJson("{\"id\":\"1\"} x"));
    }

    @Test
    void typesWithoutAReaderAreLeftToTheMapper() {
        assertNull(Json.readShape(String.class, bytes("{\"id\":\"1\"}")));
        assertNull(Json.onlyStringMember(bytes("{\"name\":\"1\"}"), "id"));
        assertEquals("x", Json.onlyStringMember(bytes("{\"name\":\"x\"}"), "name"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

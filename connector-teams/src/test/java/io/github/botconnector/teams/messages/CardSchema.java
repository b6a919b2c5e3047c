package io.github.botconnector.teams.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The official Adaptive Card 1.5 schema (test resource {@code adaptive-cards/adaptive-card-1.5.0.schema.json}, see the
 * README beside it) and the golden files of this package.
 */
final class CardSchema {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private CardSchema() {
    }

    private static Schema load() {
        ObjectNode schema = (ObjectNode) tree(text("/adaptive-cards/adaptive-card-1.5.0.schema.json"));
        // The file names its id with draft-04's "id" while declaring draft-06, whose keyword is "$id".
        JsonNode id = schema.remove("id");
        schema.set("$id", id);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6)
                .getSchema(SchemaLocation.of(id.asText()), schema);
    }

    /**
     * The schema errors of a card. Teams' own {@code msteams} member (mentions, width) is not part of the Adaptive Card
     * schema, which allows no extra members, so it is taken out before validation.
     */
    static List<String> errors(JsonNode card) {
        ObjectNode copy = card.deepCopy();
        copy.remove("msteams");
        List<String> out = new ArrayList<>();
        for (Error e : SCHEMA.validate(copy)) {
            out.add(e.toString());
        }
        return out;
    }

    /** Asserts that every Adaptive Card attachment of {@code activity} is valid against the schema; returns how many. */
    static int assertCardsValid(Activity activity) {
        int cards = 0;
        for (Attachment a : activity.attachments()) {
            if (AdaptiveCard.CONTENT_TYPE.equals(a.contentType())) {
                assertValid(MAPPER.valueToTree(a.content()));
                cards++;
            }
        }
        return cards;
    }

    static void assertValid(JsonNode card) {
        assertEquals(List.of(), errors(card), () -> "schema errors in " + card);
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Activity activity(String path) {
        return Activity.fromJson(text(path));
    }

    private static InputStream resource(String path) {
        InputStream in = CardSchema.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }
}

package io.github.botconnector.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.botconnector.internal.Json;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.test.JsonAssert;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Copying a model ({@code toBuilder().build()}, the personalised send) shares its immutable state instead of copying
 * it, without letting either copy change the other; a model's JSON is computed once, as text or as UTF-8.
 */
class ModelCopyTest {

    private final Activity template = Activity.fromJson(Fixtures.read("connector/send-to-conversation.request.json"));

    @Test
    void aCopySharesTheFrozenListsAndJsonValuesOfItsSource() {
        Activity copy = template.toBuilder().text("Hello Ada").build();

        assertSame(template.attachments(), copy.attachments());
        assertSame(template.channelData(), copy.channelData());
        assertEquals("Hello Ada", copy.text());
        JsonAssert.assertJsonEquals(template.toJson(), template.toBuilder().build().toJson());
    }

    @Test
    void sharedStateCannotBeChangedThroughEitherModel() {
        Activity copy = template.toBuilder().build();
        @SuppressWarnings("unchecked")
        Map<String, Object> channelData = (Map<String, Object>) copy.channelData();
        Map.Entry<String, Object> first = channelData.entrySet().iterator().next();

        assertThrows(UnsupportedOperationException.class, () -> copy.attachments().add(null));
        assertThrows(UnsupportedOperationException.class, () -> copy.attachments().set(0, null));
        assertThrows(UnsupportedOperationException.class, () -> channelData.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> channelData.remove(first.getKey()));
        assertThrows(UnsupportedOperationException.class, () -> first.setValue("changed"));
        assertThrows(UnsupportedOperationException.class, channelData::clear);
        Object nested = channelData.values().stream().filter(v -> v instanceof Map).findFirst().orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) nested;
            m.put("x", 1);
        });
    }

    @Test
    void addingToACopyLeavesTheSourceAlone() {
        int entities = template.entities().size();
        int attachments = template.attachments().size();
        Entity mention = Entity.builder().type("mention").build();

        Activity copy = template.toBuilder().addEntity(mention).addAttachment(template.attachments().get(0)).build();

        assertEquals(entities, template.entities().size());
        assertEquals(attachments, template.attachments().size());
        assertEquals(entities + 1, copy.entities().size());
        assertSame(mention, copy.entities().get(entities));
        assertEquals(attachments + 1, copy.attachments().size());
    }

    @Test
    void aBuilderKeepsItsOwnCopyOfTheListsItIsGiven() {
        List<Attachment> mine = new ArrayList<>(template.attachments());
        Activity.Builder builder = Activity.builder().type(ActivityTypes.MESSAGE).attachments(mine);
        mine.clear();
        Activity built = builder.build();
        builder.addAttachment(null);

        assertEquals(template.attachments(), built.attachments());
        assertEquals(template.attachments().size(), built.attachments().size());
        Activity withNull = Activity.builder().type(ActivityTypes.MESSAGE).listenFor("a", null, "b").build();
        assertEquals(Arrays.asList("a", null, "b"), withNull.listenFor());
    }

    @Test
    void aListOfModelsUsedAsAJsonValueBecomesItsJsonTree() {
        Activity event = Activity.builder().type(ActivityTypes.EVENT).value(template.attachments()).build();

        List<?> value = assertInstanceOf(List.class, event.value());
        assertInstanceOf(Map.class, value.get(0));
        assertEquals(template.attachments().get(0).contentType(), ((Map<?, ?>) value.get(0)).get("contentType"));
    }

    @Test
    void aFrozenJsonValueIsFrozenOnceAndEqualsItsSource() {
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("id", "t1");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenant", tenant);
        data.put("list", new ArrayList<>(List.of(1, "two")));
        Activity a = Activity.builder().type(ActivityTypes.MESSAGE).channelData(data).build();
        tenant.put("id", "changed");

        assertEquals(Map.of("tenant", Map.of("id", "t1"), "list", List.of(1, "two")), a.channelData());
        assertEquals(a.channelData().hashCode(), Map.of("tenant", Map.of("id", "t1"), "list", List.of(1, "two"))
                .hashCode());
        assertSame(a.channelData(), Activity.builder().type(ActivityTypes.MESSAGE).channelData(a.channelData())
                .build().channelData());
    }

    @Test
    void theUtf8JsonIsComputedOnceAndMatchesTheText() {
        Activity bytesFirst = template.toBuilder().build();
        byte[] utf8 = Json.writeBytes(bytesFirst);
        assertSame(utf8, Json.writeBytes(bytesFirst));
        assertEquals(new String(utf8, StandardCharsets.UTF_8), bytesFirst.toJson());

        Activity textFirst = template.toBuilder().text("Grüße, 世界").build();
        String text = textFirst.toJson();
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Json.writeBytes(textFirst));
        assertArrayEquals(Json.writeUtf8(textFirst), Json.writeBytes(textFirst));
        JsonAssert.assertJsonEquals(template.toJson(), new String(utf8, StandardCharsets.UTF_8));
    }

    @Test
    void emptyUnknownMembersStayTheSharedEmptyMap() {
        Activity a = Activity.message("hi");
        assertSame(Map.of(), a.properties());
        assertSame(a.properties(), a.toBuilder().build().properties());
        assertNull(a.channelData());
    }
}

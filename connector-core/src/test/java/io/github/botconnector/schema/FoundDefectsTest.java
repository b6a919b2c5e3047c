package io.github.botconnector.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.test.JsonAssert;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defects found by running the SDK against real peers and a new user's project. */
class FoundDefectsTest {

    @Test
    void aMentionFromTheBuilderSaysItIsAMention() {
        Mention m = Mention.builder().mentioned(ChannelAccount.of("29:1abc", "Adele Vance"))
                .text("<at>Adele Vance</at>").build();
        assertEquals("mention", m.type());
        assertEquals("mention", Json.tree(m.toJson()).get("type").asText());
        assertEquals("mention", m.toEntity().type());
    }

    @Test
    void aMentionReadFromJsonWithoutTypeStaysWithoutType() {
        String json = "{\"mentioned\":{\"id\":\"29:1abc\"},\"text\":\"<at>A</at>\"}";
        Mention m = Mention.fromJson(json);
        assertNull(m.type());
        JsonAssert.assertJsonEquals(json, m.toJson());
    }

    @Test
    void membersOfTheMemberApisHaveTheirEntraIdInCore() {
        ChannelAccount member = ChannelAccount.fromJson(Fixtures.read("connector/member.response.json"));
        assertEquals("f47efa0c-83f3-4809-9aa3-697717f94f7e", member.aadObjectId());
        JsonAssert.assertJsonEquals(Fixtures.read("connector/member.response.json"), member.toJson());
        assertFalse(member.toJson().contains("aadObjectId"), "nothing added: " + member.toJson());

        List<ChannelAccount> list = Json.parseList(Fixtures.read("connector/members.response.json"), ChannelAccount.class);
        assertTrue(list.stream().allMatch(m -> m.aadObjectId() != null), list.toString());

        PagedMembersResult page = PagedMembersResult.fromJson(Fixtures.read("connector/paged-members.response.page1.json"));
        assertTrue(page.members().stream().allMatch(m -> m.aadObjectId() != null), page.toJson());
    }

    @Test
    void aadObjectIdWinsOverObjectIdWhenBothArePresent() {
        ChannelAccount both = ChannelAccount.fromJson("{\"id\":\"29:1\",\"aadObjectId\":\"a\",\"objectId\":\"b\"}");
        assertEquals("a", both.aadObjectId());
        assertEquals("b", both.properties().get("objectId"));
    }

    @Test
    void offsetsWithoutAColonParseLikeWithOne() {
        Activity colon = Activity.fromJson("{\"type\":\"message\",\"localTimestamp\":\"2026-01-15T17:30:00.123+05:30\"}");
        Activity basic = Activity.fromJson("{\"type\":\"message\",\"localTimestamp\":\"2026-01-15T17:30:00.123+0530\"}");
        Activity hours = Activity.fromJson("{\"type\":\"message\",\"localTimestamp\":\"2026-01-15T17:30:00-08\"}");
        assertEquals(colon.localTimestamp(), basic.localTimestamp());
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), basic.localTimestamp().getOffset());
        assertEquals(OffsetDateTime.parse("2026-01-15T17:30:00-08:00"), hours.localTimestamp());
    }

    @Test
    void aReferenceWithABadNestedShapeIsExplainedInTheSdksWords() {
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> ConversationReference.fromJson("{\"conversation\":\"a:1abc\",\"serviceUrl\":\"https://x/\"}"));
        assertTrue(e.getMessage().contains("$.conversation"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a JSON object (ConversationAccount), got a string"), e.getMessage());
        assertFalse(e.getMessage().contains("Builder"), e.getMessage());
        assertFalse(e.getMessage().contains("Creator"), e.getMessage());

        JsonFormatException list = assertThrows(JsonFormatException.class,
                () -> ConversationReference.fromJson("{\"user\":{\"id\":[\"29:1\"]}}"));
        assertTrue(list.getMessage().contains("$.user.id"), list.getMessage());
        assertTrue(list.getMessage().contains("expected a string, got an array"), list.getMessage());
    }

    @Test
    void aRepeatedMemberIsRefusedNamingIt() {
        String json = "{\"serviceUrl\":\"https://smba.trafficmanager.net/amer/\",\"conversation\":{\"id\":\"a:1\"},"
                + "\"serviceUrl\":\"https://evil.example/\"}";
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> ConversationReference.fromJson(json));
        assertTrue(e.getMessage().contains("'serviceUrl' appears twice"), e.getMessage());
        JsonFormatException nested = assertThrows(JsonFormatException.class,
                () -> Activity.fromJson("{\"type\":\"message\",\"channelData\":{\"a\":1,\"a\":2}}"));
        assertTrue(nested.getMessage().contains("'a' appears twice"), nested.getMessage());
    }

    @Test
    void deepOrCyclicValuesBuiltInCodeAreRefusedClearly() {
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> level = deep;
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> next = new HashMap<>();
            level.put("x", next);
            level = next;
        }
        IllegalArgumentException tooDeep = assertThrows(IllegalArgumentException.class,
                () -> Activity.builder().type("message").channelData(deep).build());
        assertTrue(tooDeep.getMessage().contains("nested more than"), tooDeep.getMessage());

        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> Activity.builder().type("message").property("x", List.of(cyclic)).build());
        assertTrue(cycle.getMessage().contains("contains itself"), cycle.getMessage());

        Map<String, Object> shared = Map.of("k", "v");
        Activity ok = Activity.builder().type("message").channelData(Map.of("a", shared, "b", shared)).build();
        assertEquals("v", ((Map<?, ?>) ((Map<?, ?>) ok.channelData()).get("b")).get("k"));
    }
}

package io.github.botconnector.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.test.JsonAssert;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActivityTest {

    private static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    private static final String BOT = "28:805a9832-b270-4490-a35a-a726f1fc9513";

    @Nested
    class UnknownMembers {

        private final String json = Fixtures.read("activities/message-unknown-properties.json");
        private final Activity activity = Activity.fromJson(json);

        @Test
        void topLevelUnknownMembersAreKept() {
            assertEquals("keep-me-top", activity.properties().get("x-unknownTopLevelString"));
            assertEquals(Map.of("replyToId", "1:1Zq9pXpkqWvR0xTy0v6oT3mYk7kJ2mU0bXyZcQmPnE"), activity.properties().get("legacy"));
            assertTrue(activity.properties().containsKey("x-unknownTopLevelObject"));
        }

        @Test
        void unknownMembersOfNestedAccountsAreKept() {
            assertEquals("keep-me-from", activity.from().properties().get("x-unknownFromField"));
            assertEquals(42, activity.conversation().properties().get("x-unknownConversationField"));
            Entity unknownEntity = activity.entities().get(1);
            assertEquals("x-unknownEntityType", unknownEntity.type());
            assertEquals(Map.of("k", "v"), unknownEntity.properties().get("payload"));
        }

        @Test
        void unknownMembersInsideChannelDataTeamAndTenantAreKept() {
            Map<?, ?> channelData = activity.channelData(Map.class);
            Map<?, ?> team = (Map<?, ?>) channelData.get("team");
            Map<?, ?> tenant = (Map<?, ?>) channelData.get("tenant");
            assertEquals("19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2", team.get("id"));
            assertEquals("keep-me-team", team.get("x-unknownTeamField"));
            assertEquals(Map.of("nested", List.of(1, 2, 3), "flag", true), team.get("x-unknownTeamObject"));
            assertEquals("keep-me-tenant", tenant.get("x-unknownTenantField"));
        }

        @Test
        void everyUnknownMemberIsWrittenBack() {
            JsonNode out = JsonAssert.parse(activity.toJson());
            assertEquals("keep-me-top", out.get("x-unknownTopLevelString").asText());
            assertEquals("keep-me-from", out.at("/from/x-unknownFromField").asText());
            assertEquals("keep-me-team", out.at("/channelData/team/x-unknownTeamField").asText());
            assertEquals(3, out.at("/channelData/team/x-unknownTeamObject/nested/2").asInt());
            assertEquals("keep-me-tenant", out.at("/channelData/tenant/x-unknownTenantField").asText());
            assertEquals("keep-me-channel", out.at("/channelData/channel/x-unknownChannelField").asText());
            JsonAssert.assertJsonEquals(json, activity.toJson());
        }

        @Test
        void unknownMembersSurviveToBuilderAndCanBeChanged() {
            Activity changed = activity.toBuilder().text("edited").property("x-added", List.of("a")).removeProperty("legacy").build();
            assertEquals("keep-me-top", changed.properties().get("x-unknownTopLevelString"));
            assertEquals(List.of("a"), changed.properties().get("x-added"));
            assertFalse(changed.properties().containsKey("legacy"));
            assertTrue(activity.properties().containsKey("legacy"), "the original is unchanged");
        }
    }

    @Nested
    class Timestamps {

        @Test
        void timestampWithoutFractionAndLocalTimestampWithOffset() {
            Activity a = Activity.fromJson(Fixtures.read("activities/message-timestamp-no-fraction.json"));
            assertEquals(OffsetDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC), a.timestamp());
            assertEquals(ZoneOffset.ofHours(1), a.localTimestamp().getOffset());
            assertEquals(a.timestamp().toInstant(), a.localTimestamp().toInstant());
            JsonNode out = JsonAssert.parse(a.toJson());
            assertEquals("2026-01-15T12:00:00Z", out.get("timestamp").asText());
            assertEquals("2026-01-15T13:00:00+01:00", out.get("localTimestamp").asText());
        }

        @Test
        void sevenFractionalDigitsAreReadExactly() {
            Activity a = Activity.fromJson(Fixtures.read("activities/message-personal.json"));
            assertEquals(123_456_700, a.timestamp().getNano());
            assertEquals(ZoneOffset.ofHours(-8), a.localTimestamp().getOffset());
        }

        @Test
        void fractionIsAFractionNotNanoseconds() {
            // botbuilder-java read ".123" as 123 ns
            Activity a = Activity.fromJson("{\"type\":\"message\",\"timestamp\":\"2026-01-15T11:41:56.534Z\"}");
            assertEquals(534_000_000, a.timestamp().getNano());
            Activity b = Activity.fromJson("{\"type\":\"message\",\"timestamp\":\"2026-01-15T11:45:02.96Z\"}");
            assertEquals(960_000_000, b.timestamp().getNano());
        }

        @Test
        void offsetFormsAndMissingOffset() {
            assertEquals(ZoneOffset.ofHoursMinutes(5, 30),
                    Activity.fromJson("{\"localTimestamp\":\"2026-01-15T17:15:02.96+05:30\"}").localTimestamp().getOffset());
            assertEquals(ZoneOffset.UTC,
                    Activity.fromJson("{\"timestamp\":\"2026-01-15T12:00:00\"}").timestamp().getOffset());
        }

        @Test
        void writtenTimestampsUseTheirOwnOffset() {
            OffsetDateTime local = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5));
            String json = Activity.builder().type(ActivityTypes.MESSAGE).localTimestamp(local).build().toJson();
            assertEquals("{\"type\":\"message\",\"localTimestamp\":\"2026-03-01T09:30:00-05:00\"}", json);
        }
    }

    @Nested
    class Output {

        @Test
        void onlySetMembersAreWritten() {
            assertEquals("{\"type\":\"message\",\"text\":\"hello\"}", Activity.message("hello").toJson());
            assertEquals("{\"id\":\"29:1\"}", ChannelAccount.of("29:1").toJson());
            assertEquals("{}", Activity.builder().build().toJson());
        }

        @Test
        void noStrayPropertiesMemberAnywhere() {
            Activity a = Activity.builder()
                    .type(ActivityTypes.MESSAGE)
                    .from(ChannelAccount.of(BOT, "Contoso Notifier"))
                    .conversation(ConversationAccount.of("a:1"))
                    .attachments(Attachment.of("application/vnd.microsoft.card.adaptive", Map.of("type", "AdaptiveCard")))
                    .entities(Mention.of(ChannelAccount.of("29:1", "Adele")).toEntity())
                    .build();
            String json = a.toJson();
            assertFalse(json.contains("\"properties\""), json);
            assertFalse(json.contains("null"), json);
        }

        @Test
        void theJsonFormIsComputedOncePerObject() {
            Activity a = Activity.fromJson(Fixtures.read("connector/send-to-conversation.request.json"));
            String first = a.toJson();
            assertTrue(first == a.toJson(), "the immutable model keeps its JSON");
            assertEquals(first, new String(io.github.botconnector.internal.Json.writeBytes(a), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(first, a.toBuilder().build().toJson(), "a copy serializes the same");
        }

        @Test
        void emptyListsAreKeptButAbsentListsStayAbsent() {
            Activity a = Activity.fromJson("{\"type\":\"conversationUpdate\",\"membersAdded\":[]}");
            assertEquals(List.of(), a.membersAdded());
            assertEquals(List.of(), a.membersRemoved());
            assertEquals("{\"type\":\"conversationUpdate\",\"membersAdded\":[]}", a.toJson());
        }

        @Test
        void numbersInFreeFormValuesKeepTheirPrecision() {
            String json = "{\"type\":\"event\",\"value\":{\"price\":12.10,\"big\":123456789012345678901234567890,\"tiny\":1e-30}}";
            Activity a = Activity.fromJson(json);
            Map<?, ?> value = (Map<?, ?>) a.value();
            assertEquals(new BigDecimal("12.10"), value.get("price"));
            JsonAssert.assertJsonEquals(json, a.toJson());
            assertTrue(a.toJson().contains("12.10"), a.toJson());
        }

        @Test
        void typedChannelDataIsStoredAsATree() {
            record Notification(boolean alert) {
            }
            record ChannelData(Notification notification) {
            }
            Activity a = Activity.builder().type(ActivityTypes.MESSAGE).channelData(new ChannelData(new Notification(true))).build();
            assertEquals(Map.of("notification", Map.of("alert", true)), a.channelData());
            assertEquals(new ChannelData(new Notification(true)), a.channelData(ChannelData.class));
            assertEquals("{\"type\":\"message\",\"channelData\":{\"notification\":{\"alert\":true}}}", a.toJson());
        }
    }

    @Nested
    class Immutability {

        @Test
        void listsAndMapsCannotBeModified() {
            Activity a = Activity.fromJson(Fixtures.read("activities/message-unknown-properties.json"));
            assertThrows(UnsupportedOperationException.class, () -> a.entities().add(Entity.of("x")));
            assertThrows(UnsupportedOperationException.class, () -> a.properties().put("x", 1));
            assertThrows(UnsupportedOperationException.class, () -> ((Map<String, Object>) a.channelData()).put("x", 1));
        }

        @Test
        void laterChangesToInputsDoNotLeakIn() {
            List<ChannelAccount> members = new ArrayList<>(List.of(ChannelAccount.of("29:1")));
            Map<String, Object> channelData = new java.util.HashMap<>(Map.of("k", "v"));
            Activity.Builder builder = Activity.builder().membersAdded(members).channelData(channelData);
            Activity a = builder.build();
            members.add(ChannelAccount.of("29:2"));
            channelData.put("k2", "v2");
            builder.text("changed");
            assertEquals(1, a.membersAdded().size());
            assertEquals(Map.of("k", "v"), a.channelData());
            assertNull(a.text());
        }

        @Test
        void equalityIsByValue() {
            String json = Fixtures.read("activities/message-channel-mention.json");
            assertEquals(Activity.fromJson(json), Activity.fromJson(json));
            assertEquals(Activity.fromJson(json).hashCode(), Activity.fromJson(json).hashCode());
            assertNotEquals(Activity.fromJson(json), Activity.fromJson(json).toBuilder().property("x", 1).build());
        }
    }

    @Nested
    class MalformedInput {

        @Test
        void truncatedJson() {
            JsonFormatException e = assertThrows(JsonFormatException.class, () -> Activity.fromJson("{\"type\":\"message\""));
            assertTrue(e.getMessage().startsWith("Invalid Activity JSON"), e.getMessage());
        }

        @Test
        void notAnObject() {
            assertThrows(JsonFormatException.class, () -> Activity.fromJson("[]"));
            assertThrows(JsonFormatException.class, () -> Activity.fromJson("\"message\""));
            JsonFormatException nul = assertThrows(JsonFormatException.class, () -> Activity.fromJson("null"));
            assertTrue(nul.getMessage().contains("null"), nul.getMessage());
            assertThrows(JsonFormatException.class, () -> Activity.fromJson(""));
            assertThrows(JsonFormatException.class, () -> Activity.fromJson((String) null));
            assertThrows(JsonFormatException.class, () -> ConversationReference.fromJson("42"));
        }

        @Test
        void trailingGarbage() {
            assertThrows(JsonFormatException.class, () -> Activity.fromJson("{\"type\":\"message\"} {}"));
        }

        @Test
        void wrongTypeNamesTheJsonPath() {
            JsonFormatException list = assertThrows(JsonFormatException.class,
                    () -> Activity.fromJson("{\"type\":\"conversationUpdate\",\"membersAdded\":\"29:1\"}"));
            assertEquals("$.membersAdded", list.jsonPath());
            assertTrue(list.getMessage().contains("$.membersAdded"), list.getMessage());

            JsonFormatException nested = assertThrows(JsonFormatException.class,
                    () -> Activity.fromJson("{\"membersAdded\":[{\"id\":\"29:1\"},{\"id\":[1]}]}"));
            assertEquals("$.membersAdded[1].id", nested.jsonPath());

            JsonFormatException time = assertThrows(JsonFormatException.class,
                    () -> Activity.fromJson("{\"timestamp\":\"yesterday\"}"));
            assertEquals("$.timestamp", time.jsonPath());
            assertTrue(time.getMessage().contains("ISO-8601"), time.getMessage());
        }
    }

    @Nested
    class ReferencesAndReplies {

        @Test
        void referenceFromTeamsPersonalInstall() {
            Activity install = Activity.fromJson(Fixtures.read("activities/conversation-update-personal-bot-installed.json"));
            ConversationReference ref = install.conversationReference();
            assertEquals(TENANT, ref.tenantId());
            assertEquals("https://smba.trafficmanager.net/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/", ref.serviceUrl());
            assertTrue(ref.conversation().id().startsWith("a:1R_0bImEnyH6vt"));
            assertEquals("msteams", ref.channelId());
            assertEquals(BOT, ref.bot().id());
            assertTrue(ref.user().id().startsWith("29:1rLA8axJ"));
            assertEquals("f47efa0c-83f3-4809-9aa3-697717f94f7e", ref.user().aadObjectId());
            assertEquals(ref, ConversationReference.fromJson(ref.toJson()), "storage format round-trips");
        }

        @Test
        void referenceFromChannelMessage() {
            Activity message = Activity.fromJson(Fixtures.read("activities/message-channel-mention.json"));
            ConversationReference ref = message.conversationReference();
            assertEquals(TENANT, ref.tenantId());
            assertEquals("https://smba.trafficmanager.net/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/", ref.serviceUrl());
            assertEquals("19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2;messageid=1768478100456", ref.conversation().id());
            assertEquals("1768478350877", ref.activityId());
            assertEquals("en-US", ref.locale());
        }

        @Test
        void storedReferenceFixtureParsesAndAppliesToAnOutgoingMessage() {
            ConversationReference ref = ConversationReference.fromJson(Fixtures.read("connector/conversation-reference.personal.json"));
            Activity outgoing = ref.applyTo(Activity.message("Your order shipped."));
            assertEquals(ref.bot(), outgoing.from());
            assertEquals(ref.user(), outgoing.recipient());
            assertEquals(ref.conversation(), outgoing.conversation());
            assertEquals("msteams", outgoing.channelId());
            assertEquals(ref.serviceUrl(), outgoing.serviceUrl());
            assertEquals("en-US", outgoing.locale());
            assertEquals("Your order shipped.", outgoing.text());
            assertNull(outgoing.replyToId(), "a proactive message replies to nothing");
        }

        @Test
        void continuationActivityRelatesToTheReference() {
            ConversationReference ref = ConversationReference.fromJson(Fixtures.read("connector/conversation-reference.personal.json"));
            Activity event = ref.continuationActivity();
            assertEquals(ActivityTypes.EVENT, event.type());
            assertEquals("ContinueConversation", event.name());
            assertEquals(ref, event.relatesTo());
            assertEquals(ref.user(), event.from());
            assertEquals(ref.bot(), event.recipient());
        }

        @Test
        void createReplySwapsSenderAndRecipient() {
            Activity message = Activity.fromJson(Fixtures.read("activities/message-personal.json"));
            Activity reply = message.createReply("Order 1042 shipped yesterday.");
            assertEquals(ActivityTypes.MESSAGE, reply.type());
            assertEquals(message.recipient().id(), reply.from().id());
            assertEquals(message.from().id(), reply.recipient().id());
            assertEquals(message.conversation(), reply.conversation());
            assertEquals(message.id(), reply.replyToId());
            assertEquals(message.serviceUrl(), reply.serviceUrl());
        }

        @Test
        void mentionsAreTyped() {
            Activity message = Activity.fromJson(Fixtures.read("activities/message-channel-mention.json"));
            List<Mention> mentions = message.mentions();
            assertEquals(1, mentions.size());
            assertEquals(BOT, mentions.get(0).mentioned().id());
            assertEquals("<at>Contoso Notifier</at>", mentions.get(0).text());
            Mention escaped = Mention.of(ChannelAccount.of("29:1", "A <b> & C"));
            assertEquals("<at>A &lt;b&gt; &amp; C</at>", escaped.text());
            assertEquals("mention", escaped.toEntity().type());
        }
    }
}

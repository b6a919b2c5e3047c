package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Targeted messages, reactions and card checks of the fake, as a client sees them on the wire. */
class MessageFeaturesTest {

    static final Http http = new Http();
    static final String CARD = "{\"type\":\"message\",\"attachments\":[{\"contentType\":"
            + "\"application/vnd.microsoft.card.adaptive\",\"content\":%s}]}";

    @AfterAll
    static void closeHttp() {
        http.close();
    }

    @Test
    void targetedMessagesNeedARecipientWhoIsAMemberAndKeepIt() {
        try (FakeConnector fake = FakeConnector.builder().contoso().start()) {
            FakeGroupChat chat = fake.groupChat("Launch planning");
            fake.installBotInGroupChat(chat);
            FakeUser adele = fake.user("Adele Vance");
            String activities = fake.serviceUrl() + "v3/conversations/" + Http.seg(chat.id()) + "/activities";

            Http.Resp noRecipient = http.post(activities + "?isTargetedActivity=true", "{\"type\":\"message\",\"text\":\"x\"}");
            assertEquals(400, noRecipient.status());
            assertEquals("BadArgument", noRecipient.errorCode());
            Http.Resp stranger = http.post(activities + "?isTargetedActivity=true",
                    "{\"type\":\"message\",\"text\":\"x\",\"recipient\":{\"id\":\"29:1someone-else\"}}");
            assertEquals(400, stranger.status());

            Http.Resp sent = http.post(activities + "?isTargetedActivity=true",
                    "{\"type\":\"message\",\"text\":\"For Adele\",\"recipient\":{\"id\":\"" + adele.id() + "\"}}");
            assertEquals(201, sent.status());
            String id = sent.json().get("id").asText();
            assertEquals(adele.id(), fake.targetedRecipient(chat.id(), id));
            String activity = activities + "/" + id + "?isTargetedActivity=true";

            Http.Resp recipientEdit = http.put(activity,
                    "{\"type\":\"message\",\"text\":\"For Alex\",\"recipient\":{\"id\":\"" + fake.user("Alex Wilber").id() + "\"}}");
            assertEquals(400, recipientEdit.status());
            assertEquals("BadArgument", recipientEdit.errorCode());
            assertTrue(recipientEdit.body().contains("Cannot edit Recipient of Targeted Message"), recipientEdit.body());

            assertEquals(200, http.put(activity, "{\"type\":\"message\",\"text\":\"Still for Adele\"}").status());
            assertEquals(adele.id(), fake.conversation(chat.id()).activities().get(0).recipient().id());

            String plain = http.post(activities, "{\"type\":\"message\",\"text\":\"For everyone\"}").json().get("id").asText();
            assertNull(fake.targetedRecipient(chat.id(), plain));
            assertEquals(400, http.delete(activities + "/" + plain + "?isTargetedActivity=true").status());
            assertEquals(200, http.delete(activity).status());
            assertNull(fake.targetedRecipient(chat.id(), id));
        }
    }

    @Test
    void reactionsAreStoredAndLimitedToTwoPerSecondAcrossConversations() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-15T12:00:00Z"));
        try (FakeConnector fake = FakeConnector.builder().contoso().clock(clock).start()) {
            ConversationReference adele = fake.installBotFor(fake.user("Adele Vance"));
            ConversationReference alex = fake.installBotFor(fake.user("Alex Wilber"));
            String a = post(fake, adele, "{\"type\":\"message\",\"text\":\"one\"}");
            String b = post(fake, alex, "{\"type\":\"message\",\"text\":\"two\"}");

            assertEquals(200, http.put(reaction(fake, adele, a, "like"), "").status());
            assertEquals(200, http.put(reaction(fake, alex, b, "heart"), "").status());
            Http.Resp third = http.put(reaction(fake, adele, a, "laugh"), "");
            assertEquals(429, third.status());
            assertEquals("Throttled", third.errorCode());
            assertEquals("1", third.header("Retry-After"));

            clock.advance(Duration.ofMillis(999));
            assertEquals(429, http.put(reaction(fake, adele, a, "laugh"), "").status());
            clock.advance(Duration.ofMillis(1));
            assertEquals(200, http.put(reaction(fake, adele, a, "laugh"), "").status());
            assertEquals(200, http.put(reaction(fake, adele, a, "like"), "").status(), "adding again is accepted");
            assertEquals(List.of("like", "laugh"), fake.reactions(adele.conversation().id(), a));

            clock.advance(Duration.ofSeconds(1));
            assertEquals(200, http.delete(reaction(fake, adele, a, "like")).status());
            assertEquals(List.of("laugh"), fake.reactions(adele.conversation().id(), a));
            assertEquals(404, http.put(reaction(fake, adele, "1700000000000", "like"), "").status());
        }
    }

    @Test
    void cardAttachmentsAreCheckedMinimally() {
        try (FakeConnector fake = FakeConnector.builder().contoso().start()) {
            ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
            String url = fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities";

            assertEquals(201, http.post(url, String.format(CARD,
                    "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"hi\"}]}"))
                    .status());
            assertRefused(http.post(url, "{\"type\":\"message\",\"attachments\":[{\"content\":{}}]}"), "contentType");
            assertRefused(http.post(url, String.format(CARD, "[1,2]")), "JSON object");
            assertRefused(http.post(url, String.format(CARD, "\"{not json\"")), "well-formed");
            assertRefused(http.post(url, String.format(CARD, "{\"type\":\"HeroCard\",\"version\":\"1.5\"}")), "AdaptiveCard");
            assertRefused(http.post(url, String.format(CARD, "{\"type\":\"AdaptiveCard\"}")), "version");
            assertRefused(http.post(url, String.format(CARD, "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":{}}")),
                    "body must be an array");
            String big = "{\"type\":\"TextBlock\",\"text\":\"" + "x".repeat(120_000) + "\"}";
            Http.Resp tooBig = http.post(url, String.format(CARD,
                    "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[" + big + "]}"));
            assertEquals(413, tooBig.status());
            assertEquals("MessageSizeTooBig", tooBig.errorCode());
        }
    }

    private static void assertRefused(Http.Resp r, String why) {
        assertEquals(400, r.status(), r.body());
        assertEquals("BadArgument", r.errorCode());
        assertTrue(r.body().contains(why), r.body());
    }

    private static String post(FakeConnector fake, ConversationReference ref, String json) {
        return http.post(fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities", json)
                .json().get("id").asText();
    }

    private static String reaction(FakeConnector fake, ConversationReference ref, String activityId, String type) {
        return fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities/" + activityId
                + "/reactions/" + type;
    }
}

package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.test.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldTest {

    @Test
    void contosoWorldMatchesTheFixtures() {
        try (FakeConnector fake = FakeConnector.builder().contoso().start(); Http http = new Http()) {
            ConversationReference stored = ConversationReference.fromJson(
                    Fixtures.read("connector/conversation-reference.personal.json"));
            ConversationReference ref = fake.installBotFor(fake.user(stored.user().id()));
            assertEquals(stored.conversation().id(), ref.conversation().id());
            assertEquals(stored.user().aadObjectId(), ref.user().aadObjectId());
            assertEquals(stored.bot().id(), ref.bot().id());
            assertEquals(stored.tenantId(), ref.tenantId());
            assertEquals("msteams", ref.channelId());
            assertEquals(fake.serviceUrl(), ref.serviceUrl());
            assertNull(ref.activityId());

            Http.Resp r = http.post(fake.serviceUrl() + "v3/conversations/" + Http.seg(stored.conversation().id())
                    + "/activities", Fixtures.read("connector/send-to-conversation.request.json"));
            assertEquals(201, r.status(), r.body());
            assertEquals(1, fake.activitiesSentTo(fake.user("Adele Vance")).size());

            FakeUser adele = fake.user("Adele Vance");
            assertEquals("Adele", adele.givenName());
            assertEquals("Vance", adele.surname());
            assertEquals("AdeleV@contoso.example", adele.email());
            assertEquals(adele, fake.user("AdeleV@contoso.example"));
            FakeTeam ops = fake.team("Contoso Operations");
            assertEquals(ops.id(), ops.general().id());
            assertEquals(List.of("General", "Incidents", "Releases"), ops.channels().stream().map(FakeChannel::name).toList());
            ConversationReference teamRef = fake.installBotInTeam(ops);
            assertEquals(ops.id(), teamRef.conversation().id());
            assertEquals("channel", teamRef.conversation().conversationType());
        }
    }

    @Test
    void groupChatsAcceptPostsOnlyWithTheBotAndAreNotPaged() {
        try (FakeConnector fake = FakeConnector.builder().contoso().start(); Http http = new Http()) {
            FakeGroupChat chat = fake.groupChat("Launch planning");
            String conv = fake.serviceUrl() + "v3/conversations/" + Http.seg(chat.id());
            String message = "{\"type\":\"message\",\"text\":\"standup in 5\"}";
            Http.Resp notInstalled = http.post(conv + "/activities", message);
            assertEquals(403, notInstalled.status());
            assertEquals("BotNotInConversationRoster", notInstalled.errorCode());
            ConversationReference ref = fake.installBotInGroupChat(chat);
            assertEquals("groupChat", ref.conversation().conversationType());
            assertEquals(chat.id(), ref.conversation().id());
            Http.Resp sent = http.post(conv + "/activities", message);
            assertEquals(201, sent.status(), sent.body());
            assertEquals(201, http.post(conv + "/activities/" + sent.json().get("id").asText(), message).status());
            FakeConversation c = fake.conversation(chat.id());
            assertEquals(2, c.activities().size());
            assertEquals("groupChat", c.activities().get(0).conversation().conversationType());
            Http.Resp paged = http.get(conv + "/pagedmembers?pageSize=1");
            assertEquals(3, paged.json().get("members").size(), "chats always return the entire roster");
            assertNull(paged.json().get("continuationToken"));
            fake.uninstallBotFromGroupChat(chat);
            assertEquals(403, http.post(conv + "/activities", message).status());
        }
    }

    @Test
    void tenantsHaveTheirOwnServiceUrlsAndDerivedIds() {
        try (FakeConnector fake = FakeConnector.builder().botAppId("11111111-2222-3333-4444-555555555555")
                .tenant(t -> t.id("aaaaaaaa-0000-0000-0000-000000000001").user("Ann One", u -> u.botInstalled()))
                .tenant(t -> t.id("bbbbbbbb-0000-0000-0000-000000000002").region("emea").user("Bob Two"))
                .start(); Http http = new Http()) {
            assertEquals(fake.baseUrl() + "/amer/aaaaaaaa-0000-0000-0000-000000000001/", fake.serviceUrl());
            assertEquals(fake.baseUrl() + "/emea/bbbbbbbb-0000-0000-0000-000000000002/",
                    fake.serviceUrl("bbbbbbbb-0000-0000-0000-000000000002"));
            FakeUser ann = fake.user("Ann One");
            assertTrue(ann.id().startsWith("29:1") && ann.id().length() > 80, ann.id());
            assertTrue(ann.aadObjectId().matches("[0-9a-f-]{36}"));
            assertEquals("28:11111111-2222-3333-4444-555555555555", fake.botId());
            String personal = fake.personalConversationId(ann);
            assertTrue(personal.startsWith("a:1"), personal);
            assertNotEquals(personal, fake.personalConversationId(fake.user("Bob Two")));
            String create = "{\"members\":[{\"id\":\"" + ann.id() + "\"}],\"tenantId\":\"" + ann.tenantId() + "\"}";
            assertEquals(201, http.post(fake.serviceUrl() + "v3/conversations", create).status());
            assertEquals(404, http.post(fake.baseUrl() + "/emea/aaaaaaaa-0000-0000-0000-000000000001/v3/conversations",
                    create).status(), "region and tenant of the service URL must match");
            FakeUser added = fake.addUser("bbbbbbbb-0000-0000-0000-000000000002", "Cy Three", u -> u.botInstalled());
            assertEquals(added, fake.user(added.aadObjectId()));
            assertEquals(201, http.post(fake.serviceUrl("bbbbbbbb-0000-0000-0000-000000000002") + "v3/conversations",
                    "{\"members\":[{\"id\":\"" + added.aadObjectId() + "\"}],\"channelData\":{\"tenant\":{\"id\":\""
                            + added.tenantId() + "\"}}}").status());
            assertThrows(IllegalArgumentException.class, () -> fake.user("Nobody"));
            assertThrows(IllegalArgumentException.class, () -> fake.conversation("a:none"));
        }
    }
}

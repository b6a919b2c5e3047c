package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.botconnector.schema.ConversationReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What Teams refuses, the fake refuses, with Teams' status, code and message. */
class TeamsRefusalsTest {

    private final Http http = new Http();

    /** One fake per test: these tests change the world (installs, extra teams). */
    @RegisterExtension
    final FakeConnectorExtension ext = FakeConnectorExtension.builder().contoso().build();

    @AfterEach
    void closeHttp() {
        http.close();
    }

    private static String activities(FakeConnector fake, ConversationReference ref) {
        return fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities";
    }

    private static void refused(Http.Resp r, int status, String code, String messageStart) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.errorCode(), r.body());
        String message = r.json().path("error").path("message").asText();
        assertEquals(true, message.startsWith(messageStart), message);
    }

    @Test
    void anEmptyMessageIsBadSyntax(FakeConnector fake) {
        String url = activities(fake, fake.installBotFor(fake.user("Adele Vance")));
        refused(http.post(url, "{\"type\":\"message\"}"), 400, "BadSyntax",
                "Activity must include non empty 'text' field");
        refused(http.post(url, "{\"type\":\"message\",\"text\":\"  \"}"), 400, "BadSyntax",
                "Activity must include non empty 'text' field");
        refused(http.post(url, "{\"type\":\"message\",\"attachments\":[]}"), 400, "BadSyntax",
                "Activity must include non empty 'text' field");
        assertEquals(201, http.post(url, "{\"type\":\"message\",\"attachments\":[{\"contentType\":"
                + "\"application/vnd.microsoft.card.hero\",\"content\":{\"title\":\"t\"}}]}").status());
        assertEquals(201, http.post(url, "{\"type\":\"typing\"}").status());
        assertEquals(2, fake.sentActivities().size());
    }

    @Test
    void aMentionWithoutTypeOrWhoseTextIsNotInTheMessageIsBadArgument(FakeConnector fake) {
        String url = activities(fake, fake.installBotFor(fake.user("Adele Vance")));
        String mentioned = "\"mentioned\":{\"id\":\"29:1\",\"name\":\"Alex Wilber\"}";
        refused(http.post(url, "{\"type\":\"message\",\"text\":\"Hi <at>Alex Wilber</at>\",\"entities\":[{"
                + mentioned + ",\"text\":\"<at>Alex Wilber</at>\"}]}"), 400, "BadArgument", "Invalid mention entity");
        refused(http.post(url, "{\"type\":\"message\",\"text\":\"Hi Alex\",\"entities\":[{\"type\":\"mention\","
                + mentioned + ",\"text\":\"<at>Alex Wilber</at>\"}]}"), 400, "BadArgument",
                "Mention entity text is not valid.");
        assertEquals(201, http.post(url, "{\"type\":\"message\",\"text\":\"Hi <at>Alex Wilber</at>\",\"entities\":[{"
                + "\"type\":\"mention\"," + mentioned + ",\"text\":\"<at>Alex Wilber</at>\"}]}").status());
    }

    @Test
    void anActivityTheModelCannotReadIsRefusedEvenAfterOneWithOtherTextsWasAccepted(FakeConnector fake) {
        String url = activities(fake, fake.installBotFor(fake.user("Adele Vance")));
        assertEquals(201, http.post(url, "{\"type\":\"message\",\"text\":\"one\",\"from\":{\"id\":\"28:a\"},"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}").status());
        Http.Resp badId = http.post(url, "{\"type\":\"message\",\"text\":\"two\",\"from\":{\"id\":{\"n\":1}},"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}");
        assertEquals(400, badId.status(), badId.body());
        assertEquals("BadArgument", badId.errorCode(), badId.body());
        Http.Resp badTime = http.post(url, "{\"type\":\"message\",\"text\":\"one\",\"from\":{\"id\":\"28:a\"},"
                + "\"timestamp\":\"not a time\"}");
        assertEquals(400, badTime.status(), badTime.body());
        assertEquals("BadArgument", badTime.errorCode(), badTime.body());
        assertEquals(201, http.post(url, "{\"type\":\"message\",\"text\":\"three\",\"from\":{\"id\":\"28:b\"},"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}").status());
        assertEquals(2, fake.sentActivities().size());
    }

    @Test
    void anUpdateCannotChangeTheActivityType(FakeConnector fake) {
        String url = activities(fake, fake.installBotFor(fake.user("Adele Vance")));
        String id = http.post(url, "{\"type\":\"message\",\"text\":\"v1\"}").json().get("id").asText();
        refused(http.put(url + "/" + id, "{\"type\":\"typing\"}"), 400, "BadArgument",
                "The activity type cannot be changed");
        assertEquals(200, http.put(url + "/" + id, "{\"type\":\"message\",\"text\":\"v2\"}").status());
    }

    @Test
    void anUnknownTeamIsTeamsNotFound(FakeConnector fake) {
        Http.Resp r = http.get(fake.serviceUrl() + "v3/teams/" + Http.seg("19:nope@thread.tacv2"));
        refused(r, 404, "NotFound", "Cannot find team with provided id");
        refused(http.get(fake.serviceUrl() + "v3/teams/" + Http.seg("19:nope@thread.tacv2") + "/conversations"), 404,
                "NotFound", "Cannot find team with provided id");
    }

    @Test
    void aContinuationTokenOfAnotherConversationIsForbidden() {
        String[] names = java.util.stream.IntStream.rangeClosed(1, 60).mapToObj(i -> "Member " + i)
                .toArray(String[]::new);
        try (FakeConnector fake = FakeConnector.builder().tenant(t -> t.users("Member", 60)
                .team("Big", team -> team.members(names).botInstalled())
                .team("Small", team -> team.members(names).botInstalled())).start()) {
            String big = fake.serviceUrl() + "v3/conversations/" + Http.seg(fake.team("Big").id()) + "/pagedmembers";
            String small = fake.serviceUrl() + "v3/conversations/" + Http.seg(fake.team("Small").id())
                    + "/pagedmembers";
            Http.Resp page = http.get(big + "?pageSize=50");
            String token = page.json().get("continuationToken").asText();
            assertEquals(200, http.get(big + "?continuationToken=" + Http.seg(token)).status());
            refused(http.get(small + "?continuationToken=" + Http.seg(token)), 403, "ForbiddenOperationException",
                    "The continuation token was not issued for this conversation.");
            refused(http.get(small + "?continuationToken=not-a-token"), 400, "BadArgument",
                    "Invalid continuation token");
        }
    }
}

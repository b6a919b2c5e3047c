package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's Microsoft Graph: user lookup, permissions, catalog, guests, throttling and the chat id. */
class FakeGraphTest {

    private FakeConnector fake;
    private Http http;

    @BeforeEach
    void start() {
        fake = FakeConnector.builder().contoso().start();
        http = new Http().bearer("any");
    }

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    private String users(String filter) {
        return fake.graphUrl() + "users?$filter=" + Http.seg(filter);
    }

    private String installedApps(FakeUser u) {
        return fake.graphUrl() + "users/" + u.aadObjectId() + "/teamwork/installedApps";
    }

    private String bind() {
        String catalogId = http.get(fake.graphUrl() + "appCatalogs/teamsApps?$filter="
                + Http.seg("externalId eq '" + fake.botAppId() + "'")).json().at("/value/0/id").asText();
        return "{\"teamsApp@odata.bind\":\"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/" + catalogId + "\"}";
    }

    @Test
    void usersAreFoundByMailOrUpnOrObjectIdButNotByTeamsId() {
        FakeUser adele = fake.user("Adele Vance");

        Http.Resp byMail = http.get(users("userPrincipalName eq '" + adele.email().toUpperCase() + "' or mail eq '"
                + adele.email().toUpperCase() + "'"));
        assertEquals(200, byMail.status(), byMail.body());
        assertEquals(adele.aadObjectId(), byMail.json().at("/value/0/id").asText());
        assertEquals("Member", byMail.json().at("/value/0/userType").asText());
        assertEquals(adele.aadObjectId(), http.get(users("userPrincipalName eq '" + adele.userPrincipalName()
                + "'")).json().at("/value/0/id").asText());
        assertEquals(0, http.get(users("mail eq 'nobody@contoso.example'")).json().get("value").size());
        assertEquals("Adele Vance", http.get(fake.graphUrl() + "users/" + adele.aadObjectId()).json()
                .get("displayName").asText());
        Http.Resp byTeamsId = http.get(fake.graphUrl() + "users/" + Http.seg(adele.id()));
        assertEquals(404, byTeamsId.status());
        assertEquals("Request_ResourceNotFound", byTeamsId.errorCode());
    }

    @Test
    void aRevokedPermissionIsAMissingRole() {
        fake.graph().revokePermission("TeamsAppInstallation.ReadWriteSelfForUser.All");

        Http.Resp r = http.post(installedApps(fake.user("Adele Vance")), bind());

        assertEquals(403, r.status());
        assertEquals("Forbidden", r.errorCode());
        assertTrue(r.json().at("/error/message").asText().contains("'TeamsAppInstallation.ReadWriteSelfForUser.All'"),
                r.body());
        fake.graph().grantPermission("TeamsAppInstallation.ReadWriteSelfForUser.All");
        assertEquals(201, http.post(installedApps(fake.user("Adele Vance")), bind()).status());
        assertThrows(IllegalArgumentException.class, () -> fake.graph().revokePermission("Mail.Send"));
    }

    @Test
    void anAppOutOfTheCatalogIsNotFound() {
        fake.graph().removeAppFromCatalog();
        assertEquals(0, http.get(fake.graphUrl() + "appCatalogs/teamsApps?$filter=" + Http.seg("externalId eq '"
                + fake.botAppId() + "'")).json().get("value").size());
        fake.graph().publishApp();
        assertEquals(1, http.get(fake.graphUrl() + "appCatalogs/teamsApps").json().get("value").size());
    }

    @Test
    void guestsAreListedAsGuestsAndCannotGetTheApp() {
        FakeUser lee = fake.user("Lee Gu");
        fake.graph().markGuest(lee);

        assertEquals("Guest", http.get(fake.graphUrl() + "users/" + lee.aadObjectId()).json().get("userType")
                .asText());
        Http.Resp install = http.post(installedApps(lee), bind());
        assertEquals(403, install.status());
        assertTrue(fake.activitiesSentTo(lee).isEmpty());
    }

    @Test
    void throttlingAnswers429WithRetryAfterThenRecovers() {
        fake.graph().throttle(2, Duration.ofSeconds(4));
        FakeUser adele = fake.user("Adele Vance");

        for (int i = 0; i < 2; i++) {
            Http.Resp r = http.get(installedApps(adele));
            assertEquals(429, r.status());
            assertEquals("TooManyRequests", r.errorCode());
            assertEquals("4", r.header("Retry-After"));
        }
        assertEquals(200, http.get(installedApps(adele)).status());
    }

    @Test
    void theGraphChatIdIsTheOneOnOneConversationOnceInstalled() {
        FakeUser alex = fake.user("Alex Wilber");
        String chatId = "19:" + alex.aadObjectId() + "_" + fake.botAppId() + "@unq.gbl.spaces";
        String send = fake.serviceUrl() + "v3/conversations/" + Http.seg(chatId) + "/activities";
        String message = "{\"type\":\"message\",\"text\":\"Hello Alex\"}";

        assertEquals(404, http.post(send, message).status(), "no chat before the app is installed");
        assertEquals(201, http.post(installedApps(alex), bind()).status());
        assertEquals(409, http.post(installedApps(alex), bind()).status());

        Http.Resp sent = http.post(send, message);
        assertEquals(201, sent.status(), sent.body());
        assertEquals(1, fake.activitiesSentTo(alex).size());
        assertEquals("Hello Alex", fake.activitiesSentTo(alex).get(0).text());
    }
}

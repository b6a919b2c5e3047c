package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.test.Fixtures;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class GraphInstallTest {

    private static String token(Http http, FakeConnector fake, String scope) {
        Http.Resp r = http.postForm(fake.tokenEndpoint(fake.tenantIds().get(0)), "grant_type=client_credentials&client_id="
                + fake.botAppId() + "&client_secret=" + fake.botPassword() + "&scope=" + Http.seg(scope));
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    @Test
    void proactiveInstallThroughGraphPostsTheInstallEventAndEnablesTheOneToOneChat() throws Exception {
        try (MockWebServer bot = new MockWebServer()) {
            bot.start();
            bot.enqueue(new MockResponse.Builder().code(200).build());
            bot.enqueue(new MockResponse.Builder().code(200).build());
            try (FakeConnector fake = FakeConnector.builder().contoso().auth(AuthMode.STRICT)
                    .botEndpoint(bot.url("/api/messages").toString()).start();
                 Http anonymous = new Http()) {
                String graphToken = token(anonymous, fake, "https://graph.microsoft.com/.default");
                String connectorToken = token(anonymous, fake, "https://api.botframework.com/.default");
                try (Http graph = new Http().bearer(graphToken); Http connector = new Http().bearer(connectorToken)) {
                    FakeUser adele = fake.user("Adele Vance");
                    Http.Resp catalog = graph.get(fake.graphUrl() + "appCatalogs/teamsApps?$filter="
                            + Http.seg("externalId eq '" + fake.botAppId() + "'"));
                    assertEquals(200, catalog.status(), catalog.body());
                    String appId = catalog.json().at("/value/0/id").asText();
                    String installed = fake.graphUrl() + "users/" + adele.aadObjectId() + "/teamwork/installedApps";
                    String query = "?$expand=teamsApp&$filter=" + Http.seg("teamsApp/id eq '" + appId + "'");
                    assertEquals(0, graph.get(installed + query).json().get("value").size());

                    String bind = "{\"teamsApp@odata.bind\":\"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/"
                            + appId + "\"}";
                    assertEquals(403, connector.post(fake.serviceUrl() + "v3/conversations",
                            Fixtures.read("connector/create-conversation-personal-by-aad-object-id.request.json")).status());
                    assertEquals(201, graph.post(installed, bind).status());
                    assertEquals(409, graph.post(installed, bind).status());

                    RecordedRequest event = bot.takeRequest(5, TimeUnit.SECONDS);
                    assertNotNull(event, "the install event reached the bot");
                    assertTrue(event.getHeaders().get("Authorization").startsWith("Bearer "));
                    Activity update = Activity.fromJson(event.getBody().utf8());
                    assertEquals("conversationUpdate", update.type());
                    assertEquals(fake.personalConversationId(adele), update.conversation().id());

                    Http.Resp list = graph.get(installed + query);
                    assertEquals(1, list.json().get("value").size());
                    String installationId = list.json().at("/value/0/id").asText();
                    Http.Resp chat = graph.get(installed + "/" + installationId + "/chat");
                    assertEquals("19:" + adele.aadObjectId() + "_" + fake.botAppId() + "@unq.gbl.spaces",
                            chat.json().get("id").asText());

                    Http.Resp created = connector.post(fake.serviceUrl() + "v3/conversations",
                            Fixtures.read("connector/create-conversation-personal-by-aad-object-id.request.json"));
                    assertEquals(201, created.status(), created.body());

                    FakeTeam ops = fake.team("Contoso Operations");
                    assertEquals(201, graph.post(fake.graphUrl() + "teams/" + ops.aadGroupId() + "/installedApps", bind)
                            .status());
                    assertNotNull(bot.takeRequest(5, TimeUnit.SECONDS));
                    assertEquals(200, connector.get(fake.serviceUrl() + "v3/teams/" + Http.seg(ops.id())).status());

                    Http.Resp wrongAudience = connector.get(fake.graphUrl() + "appCatalogs/teamsApps");
                    assertEquals(401, wrongAudience.status());
                    assertEquals("InvalidAuthenticationToken", wrongAudience.errorCode());
                    assertEquals(401, graph.get(fake.serviceUrl() + "v3/teams/" + Http.seg(ops.id())).status());
                    assertEquals(404, graph.get(fake.graphUrl() + "users/nobody@contoso.example/teamwork/installedApps")
                            .status());
                }
            }
        }
    }
}

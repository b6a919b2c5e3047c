package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.BotAuthenticator;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.Attachment;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testsupport.ManualClock;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Adversarial inputs: each is refused before any token is requested or any byte is sent. */
class HardeningTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Harness.CountingTokens tokens = new Harness.CountingTokens();

    private static BotCloud.Builder cloudWithLoginHost(String loginHost) {
        return BotCloud.PUBLIC.toBuilder().name("custom").loginHost(loginHost);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.evil.example", "http://127.0.0.1.nip.io", "http://localhost.evil.example",
            "http://127.0.0.1@evil.example"})
    void namesThatOnlyLookLoopbackAreNotLoopback(String url) {
        assertThrows(IllegalArgumentException.class, () -> cloudWithLoginHost(url).build());
        assertThrows(IllegalArgumentException.class,
                () -> BotCloud.PUBLIC.toBuilder().openIdMetadataUrl(url + "/v1/.well-known/openidconfiguration").build());
        assertThrows(IllegalArgumentException.class, () -> BotAuthenticator.builder().appId("app")
                .openIdMetadataUrl(url + "/v1/.well-known/openidconfiguration").build());
        assertThrows(IllegalArgumentException.class, () -> BotAuthenticator.builder().appId("app").emulatorTokens(true)
                .emulatorOpenIdMetadataUrl(url + "/v2.0/.well-known/openid-configuration").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.0.0.2", "http://localhost:3978", "http://[::1]:3978"})
    void realLoopbackAddressesStillWork(String url) {
        assertDoesNotThrow(() -> cloudWithLoginHost(url).build());
        assertDoesNotThrow(() -> BotAuthenticator.builder().appId("app")
                .openIdMetadataUrl(url + "/v1/.well-known/openidconfiguration").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "127.1", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "10.0.0.1",
            "017700000001", "169.254.169.254"})
    void addHostRefusesEveryIpForm(String host) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedHosts.builder().addHost(host));
        assertTrue(e.getMessage().contains("IP"), e.getMessage());
    }

    @Test
    void addHostStillTakesNamesWithDigits() {
        TrustedHosts hosts = TrustedHosts.builder().addHost("smba2.example.microsoft.com").addHost("1st.bots.example")
                .build();
        assertTrue(hosts.isTrusted("https://1st.bots.example/teams/"));
    }

    @Test
    void onlyRealDataUrisInAttachmentsAreExemptFromTheSizeLimit() {
        String big = "A".repeat(150_000);
        refused("bytes as JSON", c -> c.sendToConversation(ADELE_CONVERSATION, Activity.message("data:" + big)));
        refused("bytes as JSON", c -> c.sendToConversation(ADELE_CONVERSATION, Activity.builder().type("message")
                .channelData(Map.of("note", "data:" + big)).build()));
        refused("bytes as JSON", c -> c.sendToConversation(ADELE_CONVERSATION, Activity.builder().type("message")
                .attachments(java.util.List.of(Attachment.builder().contentType("image/png")
                        .contentUrl("data:image/png;base64," + big + "!not base64").build())).build()));
        refused("bytes as JSON", c -> c.sendToConversation(ADELE_CONVERSATION, Activity.builder().type("message")
                .attachments(java.util.List.of(Attachment.builder().contentType("text/plain")
                        .content("data:image/png;base64," + big).build())).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r", "\t", "\u0000", "\u007f"})
    void controlCharactersInAServiceUrlAreRefused(String control) {
        String url = server.url("/").toString() + "amer" + control + "x/";
        refused("control character", c -> c.withServiceUrl(url));
        refused("control character", c -> ConnectorClient.builder().credentials(tokens).serviceUrl(url).build());
        ConversationReference ref = ConversationReference.builder().serviceUrl(url).channelId("msteams")
                .conversation(ConversationAccount.builder().id(ADELE_CONVERSATION).build())
                .bot(ChannelAccount.of("28:bot")).build();
        try (ConnectorClient client = Harness.client(server, tokens, ManualClock.atFixtureNow()).build()) {
            UntrustedHostException e = assertThrows(UntrustedHostException.class,
                    () -> client.send(ref, Activity.message("hi")));
            assertTrue(e.getMessage().contains("control character"), e.getMessage());
            assertFalse(client.trustedHosts().register(url));
        }
        assertEquals(0, tokens.issued.get());
        assertEquals(0, server.getRequestCount());
    }

    private void refused(String inMessage, java.util.function.Consumer<ConnectorClient> call) {
        try (ConnectorClient client = Harness.client(server, tokens, ManualClock.atFixtureNow()).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(client));
            assertTrue(e.getMessage().contains(inMessage), e.getMessage());
        }
        assertEquals(0, tokens.issued.get());
        assertEquals(0, server.getRequestCount());
    }
}

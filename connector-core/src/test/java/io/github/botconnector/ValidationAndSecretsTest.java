package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static io.github.botconnector.Harness.TOKEN_PREFIX;
import static io.github.botconnector.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.exception.UnauthorizedException;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.internal.PathSegments;
import io.github.botconnector.internal.Validation;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.Attachment;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.test.CapturedLogs;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testsupport.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pre-I/O argument checks, path encoding, and no token in strings or logs. */
class ValidationAndSecretsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Harness.CountingTokens tokens = new Harness.CountingTokens();

    private void refused(String field, Consumer<ConnectorClient> call) {
        try (ConnectorClient client = Harness.client(server, tokens, ManualClock.atFixtureNow()).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(client));
            assertTrue(e.getMessage().contains(field), e.getMessage());
        }
        assertEquals(0, tokens.issued.get());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void argumentsAreCheckedBeforeAnyIo() {
        refused("conversationId", c -> c.sendToConversation(" ", Activity.message("hi")));
        refused("conversationId", c -> c.async().conversationMembers(null));
        refused("activityId", c -> c.deleteActivity(ADELE_CONVERSATION, ""));
        refused("memberId", c -> c.conversationMember(ADELE_CONVERSATION, null));
        refused("attachmentId", c -> c.attachmentInfo(" "));
        refused("conversationId", c -> c.conversationMembers("", 100));
        refused("activity.type", c -> c.sendToConversation(ADELE_CONVERSATION, Activity.builder().text("hi").build()));
        refused("activity must not be null", c -> c.replyToActivity(ADELE_CONVERSATION, "1", null));
        refused("transcript", c -> c.sendConversationHistory(ADELE_CONVERSATION, null));
        refused("conversationId", c -> c.sendToConversation("..", Activity.message("hi")));
    }

    @Test
    void builderChecksAndDefaults() {
        IllegalArgumentException noCredentials = assertThrows(IllegalArgumentException.class,
                () -> ConnectorClient.builder().build());
        assertTrue(noCredentials.getMessage().contains("credentials"), noCredentials.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConnectorClient.builder().credentials(tokens).serviceUrl("not a url").build());
        assertThrows(IllegalArgumentException.class,
                () -> ConnectorClient.builder().credentials(tokens).maxRequestsInFlight(0));
        try (ConnectorClient gov = ConnectorClient.builder().credentials(tokens)
                .cloud(io.github.botconnector.auth.BotCloud.US_GOV_GCC_HIGH).build()) {
            assertEquals(io.github.botconnector.auth.BotCloud.US_GOV_GCC_HIGH.defaultServiceUrl(), gov.serviceUrl());
            assertTrue(gov.trustedHosts().isTrusted("https://smba.infra.gov.teams.microsoft.us/gcch"));
            assertFalse(gov.trustedHosts().isTrusted("https://smba.trafficmanager.net/teams/"));
            assertThrows(IllegalArgumentException.class, () -> gov.withServiceUrl("mailto:x@y"));
        }
    }

    @Test
    void createConversationFollowsTheTeamsRules() {
        refused("members", c -> c.createConversation(ConversationParameters.builder().isGroup(false).tenantId("t").build()));
        refused("exactly one member", c -> c.createConversation(ConversationParameters.builder().isGroup(false)
                .members(List.of(ChannelAccount.builder().id("29:a").build(), ChannelAccount.builder().id("29:b").build()))
                .build()));
        refused("members[0].id", c -> c.createConversation(ConversationParameters.builder()
                .members(List.of(ChannelAccount.builder().name("no id").build())).build()));
        refused("ConversationParameters.activity is required", c -> c.createConversation(ConversationParameters.builder()
                .isGroup(true).channelData(Map.of("channel", Map.of("id", "19:x@thread.tacv2"))).build()));
        refused("ConversationParameters.activity.type", c -> c.createConversation(ConversationParameters.builder()
                .isGroup(true).channelData(Map.of("channel", Map.of("id", "19:x@thread.tacv2")))
                .activity(Activity.builder().text("no type").build()).build()));
    }

    @Test
    void channelThreadWithoutMembersIsAllowed() {
        server.enqueue(json(201, Fixtures.read("connector/create-conversation-channel-thread.response.json")));
        try (ConnectorClient client = Harness.client(server, tokens, ManualClock.atFixtureNow()).build()) {
            client.createConversation(ConversationParameters.fromJson(
                    Fixtures.read("connector/create-conversation-channel-thread.request.json")));
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void oversizedActivitiesAreRefusedButInlineImagesDoNotCount() {
        String big = "x".repeat(Validation.MAX_ACTIVITY_BYTES + 1);
        refused("about 100 KB", c -> c.sendToConversation(ADELE_CONVERSATION, Activity.message(big)));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        Activity withImage = Activity.message("chart").toBuilder().attachments(Attachment.builder().contentType("image/png")
                .contentUrl("data:image/png;base64," + "A".repeat(200_000)).build()).build();
        try (ConnectorClient client = Harness.client(server, tokens, ManualClock.atFixtureNow()).build()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, withImage).id());
        }
    }

    @Test
    void checkActivityMakesTheChecksOfEverySendAndReturnsTheJsonToSend() {
        Activity hello = Activity.message("hello");
        assertEquals(hello.toJson(), ConnectorClient.checkActivity(hello));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ConnectorClient.checkActivity(null));
        assertTrue(none.getMessage().contains("Activity.message(text)"), none.getMessage());
        IllegalArgumentException untyped = assertThrows(IllegalArgumentException.class,
                () -> ConnectorClient.checkActivity(Activity.builder().text("no type").build()));
        assertTrue(untyped.getMessage().startsWith("activity.type must be set"), untyped.getMessage());
        String big = "x".repeat(Validation.MAX_ACTIVITY_BYTES + 1);
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> ConnectorClient.checkActivity(Activity.message(big)));
        assertTrue(tooLarge.getMessage().contains("about 100 KB"), tooLarge.getMessage());
        Activity withImage = Activity.message("chart").toBuilder().attachments(Attachment.builder()
                .contentType("image/png").contentUrl("data:image/png;base64," + "A".repeat(200_000)).build()).build();
        assertEquals(withImage.toJson(), ConnectorClient.checkActivity(withImage), "inline images do not count");
    }

    @ParameterizedTest
    @CsvSource({
            "a:1R_0b, a%3A1R_0b",
            "19:abc@thread.tacv2;messageid=123, 19%3Aabc%40thread.tacv2%3Bmessageid%3D123",
            "29:1-_.~x, 29%3A1-_.~x",
            "a/b?c#d e, a%2Fb%3Fc%23d%20e",
            "ü, %C3%BC"})
    void pathSegmentsAreEncodedWhole(String raw, String encoded) {
        assertEquals(encoded, PathSegments.encode(raw));
        assertEquals(encoded, ConnectorClient.pathSegment(raw, "conversationId"), "the public encoding is the same");
    }

    @Test
    void pathSegmentRefusesBlankAndDotIdsNamingTheParameter() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> ConnectorClient.pathSegment(" ", "teamId"));
        assertTrue(blank.getMessage().startsWith("teamId must not be blank"), blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConnectorClient.pathSegment(null, "teamId"));
        assertEquals("memberId '..' is not a valid id", assertThrows(IllegalArgumentException.class,
                () -> ConnectorClient.pathSegment("..", "memberId")).getMessage());
    }

    @Test
    void noTokenInStringsOrLogs() {
        CapturedLogs.clear();
        server.enqueue(json(401, "{\"message\":\"Authorization has been denied for this request.\"}"));
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        server.enqueue(json(401, "{}"));
        server.enqueue(json(401, "{}"));
        TokenProvider fixed = TokenProvider.fixed(TOKEN_PREFIX + "fixed");
        try (ConnectorClient client = Harness.client(server, tokens, ManualClock.atFixtureNow()).build();
             ConnectorClient other = Harness.client(server, fixed, ManualClock.atFixtureNow()).build()) {
            client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
            UnauthorizedException e = assertThrows(UnauthorizedException.class,
                    () -> other.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertFalse(e.getMessage().contains(TOKEN_PREFIX));
            assertThrows(UntrustedHostException.class, () -> client.withServiceUrl("https://user:" + TOKEN_PREFIX
                    + "@smba.trafficmanager.net/").sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            for (Object o : List.of(client, other, client.async(), fixed, tokens, client.retryPolicy(), client.trustedHosts())) {
                assertFalse(o.toString().contains(TOKEN_PREFIX), o.toString());
            }
            assertTrue(client.toString().contains(client.serviceUrl()));
        }
        String logs = CapturedLogs.allText();
        assertTrue(logs.contains("-> 201"), logs);
        assertTrue(logs.contains("Bearer <redacted>"), logs);
        assertFalse(logs.contains(TOKEN_PREFIX), logs);
    }
}

package io.github.botconnector.teams;

import static io.github.botconnector.teams.support.RecordingDispatcher.body;
import static io.github.botconnector.teams.support.RecordingDispatcher.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.support.RecordingDispatcher;
import io.github.botconnector.teams.support.TestClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End-to-end Teams flows on a scripted mock Bot Connector. */
class TeamsFlowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }


    private static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    private static final String TEAM = "19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2";
    private static final String TEAM_ENC = "19%3AxU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D%40thread.tacv2";
    private static final String RELEASES = "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2";
    private static final ChannelAccount BOT = ChannelAccount.of("28:805a9832-b270-4490-a35a-a726f1fc9513", "Contoso Notifier");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    /** A team of {@code count} members served over pages of 3; page 2 repeats the last member of page 1. */
    private static List<Map<String, Object>> roster(int count) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "29:user-" + i);
            m.put("name", "User " + i);
            m.put("objectId", "00000000-0000-0000-0000-00000000000" + i);
            m.put("givenName", "Given" + i);
            m.put("tenantId", TENANT);
            m.put("userRole", "user");
            members.add(Collections.unmodifiableMap(m));
        }
        return List.copyOf(members);
    }

    @Test
    void messageAllMembersOfATeam() {
        // The dispatcher runs on the server's threads, several at once (the sends below are concurrent): it reads
        // an immutable roster and writes only to a concurrent map.
        List<Map<String, Object>> roster = roster(7);
        Map<String, String> conversationOfUser = new ConcurrentHashMap<>();
        AtomicInteger activityIds = new AtomicInteger(1000);
        RecordingDispatcher dispatcher = new RecordingDispatcher(request -> {
            String path = request.getUrl().encodedPath();
            String method = request.getMethod();
            if ("GET".equals(method) && path.endsWith("/v3/conversations/" + TEAM_ENC + "/pagedmembers")) {
                String token = request.getUrl().queryParameter("continuationToken");
                if (token == null) {
                    return json(200, write(Map.of("continuationToken", "page-2 token/with+odd=chars", "members", roster.subList(0, 3))));
                }
                if (token.equals("page-2 token/with+odd=chars")) {
                    return json(200, write(Map.of("continuationToken", "page-3", "members", roster.subList(2, 5))));
                }
                if (token.equals("page-3")) {
                    return json(200, write(Map.of("members", roster.subList(5, 7))));
                }
            }
            if ("POST".equals(method) && path.endsWith("/v3/conversations")) {
                ConversationParameters p = ConversationParameters.fromJson(body(request));
                String user = p.members().get(0).id();
                String id = conversationOfUser.computeIfAbsent(user, u -> "a:chat-with-" + u.substring(3));
                return json(201, "{\"id\":\"" + id + "\"}");
            }
            if ("POST".equals(method) && path.contains("/v3/conversations/a%3Achat-with-") && path.endsWith("/activities")) {
                return json(201, "{\"id\":\"" + activityIds.incrementAndGet() + "\"}");
            }
            return null;
        });
        server.setDispatcher(dispatcher);
        try (ConnectorClient connector = TestClients.connector(server.url("/amer/").toString())) {
            TeamsClient teams = TeamsClient.of(connector);

            // 1. All members, every page, duplicates removed.
            List<TeamsChannelAccount> members = teams.members(TEAM, 3);
            assertEquals(7, members.size());
            assertEquals("29:user-1", members.get(0).id());
            assertEquals("00000000-0000-0000-0000-000000000001", members.get(0).aadObjectId());

            // 2. One 1:1 chat per member, 3. a personalised message in each (asynchronously, all in flight together).
            List<CompletableFuture<String>> sends = new ArrayList<>();
            for (TeamsChannelAccount member : members) {
                sends.add(teams.async().createOrGetDirectConversation(BOT, member)
                        .thenCompose(chat -> teams.async().send(chat.reference(),
                                Activity.message("Hello " + member.givenName() + ", the release review starts at 15:00.")))
                        .thenApply(r -> r.id()));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            assertEquals(7, sends.stream().map(CompletableFuture::join).distinct().count(), "seven messages, seven ids");

            List<RecordedRequest> requests = dispatcher.requests();
            List<RecordedRequest> pages = requests.stream().filter(r -> r.getUrl().encodedPath().endsWith("/pagedmembers")).toList();
            assertEquals(3, pages.size());
            assertEquals("page-2 token/with+odd=chars", pages.get(1).getUrl().queryParameter("continuationToken"));
            assertTrue(pages.get(1).getTarget().contains("continuationToken=page-2%20token%2Fwith%2Bodd%3Dchars"),
                    "the continuation token is escaped: " + pages.get(1).getTarget());

            List<RecordedRequest> creates = requests.stream().filter(r -> r.getUrl().encodedPath().endsWith("/v3/conversations")).toList();
            assertEquals(7, creates.size());
            for (RecordedRequest create : creates) {
                ConversationParameters p = ConversationParameters.fromJson(body(create));
                assertEquals(Boolean.FALSE, p.isGroup());
                assertEquals(TENANT, p.tenantId());
                assertEquals(Map.of("tenant", Map.of("id", TENANT)), p.channelData());
                assertEquals(1, p.members().size());
                assertEquals(null, p.members().get(0).aadObjectId(), "only the id goes into the member");
            }

            List<RecordedRequest> messages = requests.stream().filter(r -> r.getUrl().encodedPath().endsWith("/activities")).toList();
            assertEquals(7, messages.size());
            for (RecordedRequest message : messages) {
                Activity sent = Activity.fromJson(body(message));
                String user = sent.recipient().id();
                String n = user.substring("29:user-".length());
                assertEquals("Hello Given" + n + ", the release review starts at 15:00.", sent.text());
                assertEquals("/amer/v3/conversations/a%3Achat-with-user-" + n + "/activities", message.getUrl().encodedPath());
                assertEquals(BOT.id(), sent.from().id());
                assertEquals("personal", sent.conversation().conversationType());
                assertEquals(TENANT, sent.conversation().tenantId());
            }
        }
    }

    @Test
    void newThreadInAChannel() {
        AtomicInteger replies = new AtomicInteger();
        RecordingDispatcher dispatcher = new RecordingDispatcher(request -> {
            String path = request.getUrl().encodedPath();
            if (path.endsWith("/v3/teams/" + TEAM_ENC + "/conversations")) {
                return json(200, "{\"conversations\":[{\"id\":\"" + TEAM + "\"},{\"id\":\"" + RELEASES + "\",\"name\":\"Releases\"},"
                        + "{\"id\":\"19:secret@thread.tacv2\",\"name\":\"Leads\",\"type\":\"private\"}]}");
            }
            if (path.endsWith("/v3/conversations") && "POST".equals(request.getMethod())) {
                ConversationParameters p = ConversationParameters.fromJson(body(request));
                String channel = (String) ((Map<?, ?>) ((Map<?, ?>) p.channelData()).get("channel")).get("id");
                return json(201, "{\"id\":\"" + channel + ";messageid=1768478400321\",\"activityId\":\"1768478400321\"}");
            }
            if (path.contains("%3Bmessageid%3D1768478400321/activities")) {
                return json(201, "{\"id\":\"17684784" + (10000 + replies.incrementAndGet()) + "\"}");
            }
            return null;
        });
        server.setDispatcher(dispatcher);
        try (ConnectorClient connector = TestClients.connector(server.url("/amer/").toString())) {
            TeamsClient teams = TeamsClient.of(connector);

            ChannelInfo releases = teams.channels(TEAM).stream().filter(c -> "Releases".equals(c.name())).findFirst().orElseThrow();
            ChannelThread thread = teams.createChannelThread(releases, Activity.message("Deployment 2026.01.15-3 started on 42 nodes."), TENANT);
            assertEquals(RELEASES + ";messageid=1768478400321", thread.conversationId());

            // The reference survives storage as JSON and is enough to reply later.
            ConversationReference stored = ConversationReference.fromJson(thread.reference().toJson());
            teams.replyInThread(stored, Activity.message("12 of 42 nodes done."));
            teams.replyInThread(stored, TeamsActivities.withAlert(Activity.message("All 42 nodes done.")));
            assertEquals(2, replies.get());

            List<RecordedRequest> requests = dispatcher.requests();
            ConversationParameters create = ConversationParameters.fromJson(body(requests.get(1)));
            assertEquals(Boolean.TRUE, create.isGroup());
            assertEquals("Deployment 2026.01.15-3 started on 42 nodes.", create.activity().text());
            assertEquals(TENANT, create.tenantId());
            Activity last = Activity.fromJson(body(requests.get(3)));
            assertEquals(Boolean.TRUE, TeamsActivities.teamsChannelData(last).notification().alert());
            assertEquals(thread.conversationId(), last.conversation().id());

            ChannelInfo leads = teams.channels(TEAM).stream().filter(ChannelInfo::isPrivate).findFirst().orElseThrow();
            int before = dispatcher.requests().size();
            TeamsRuleException refused = org.junit.jupiter.api.Assertions.assertThrows(TeamsRuleException.class,
                    () -> teams.createChannelThread(leads, Activity.message("secret"), TENANT));
            assertTrue(refused.getMessage().contains("private channel"));
            assertEquals(before, dispatcher.requests().size(), "nothing sent for a private channel");
        }
    }
}

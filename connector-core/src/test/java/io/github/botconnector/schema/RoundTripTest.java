package io.github.botconnector.schema;

import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.botconnector.internal.Json;
import io.github.botconnector.test.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every activity and connector payload in the fixtures: parse, serialize, compare trees. */
class RoundTripTest {

    /** Which model reads which connector fixture; Teams-only payloads are covered by connector-teams. */
    private static final Map<String, Function<String, String>> CONNECTOR = Map.ofEntries(
            Map.entry("connector/conversation-reference.personal.json", j -> ConversationReference.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-channel-thread.request.json", j -> ConversationParameters.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-channel-thread.response.json", j -> ConversationResourceResponse.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-general-channel-thread.request.json", j -> ConversationParameters.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-personal-by-aad-object-id.request.json", j -> ConversationParameters.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-personal-minimal.request.json", j -> ConversationParameters.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-personal-with-activity.request.json", j -> ConversationParameters.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-personal.request.docs.json", j -> ConversationParameters.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-personal.request.json", j -> ConversationParameters.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-personal.response.docs.json", j -> ConversationResourceResponse.fromJson(j).toJson()),
            Map.entry("connector/create-conversation-personal.response.json", j -> ConversationResourceResponse.fromJson(j).toJson()),
            Map.entry("connector/member-anonymous.response.json", j -> ChannelAccount.fromJson(j).toJson()),
            Map.entry("connector/member.response.json", j -> ChannelAccount.fromJson(j).toJson()),
            Map.entry("connector/members.response.json", j -> Json.write(Json.parseList(j, ChannelAccount.class))),
            Map.entry("connector/paged-members.response.last.json", j -> PagedMembersResult.fromJson(j).toJson()),
            Map.entry("connector/paged-members.response.page1.json", j -> PagedMembersResult.fromJson(j).toJson()),
            Map.entry("connector/reply-to-activity.request.json", j -> Activity.fromJson(j).toJson()),
            Map.entry("connector/reply-to-activity.response.json", j -> ResourceResponse.fromJson(j).toJson()),
            Map.entry("connector/send-notification-mention-alert.request.json", j -> Activity.fromJson(j).toJson()),
            Map.entry("connector/send-to-conversation.request.json", j -> Activity.fromJson(j).toJson()),
            Map.entry("connector/send-to-conversation.response.json", j -> ResourceResponse.fromJson(j).toJson()),
            Map.entry("connector/teams-channel-account.all-fields.json", j -> ChannelAccount.fromJson(j).toJson()),
            Map.entry("connector/update-activity.request.json", j -> Activity.fromJson(j).toJson()));

    // connector/batch/* (a subfolder, not listed here) is round-tripped by connector-teams' BatchModelsRoundTripTest.
    /** Connector fixtures whose typed models live in connector-teams. */
    private static final List<String> TEAMS_ONLY = List.of(
            "connector/channel-list.response.json",
            "connector/meeting-notification.request.json",
            "connector/meeting-notification.response.207.json",
            "connector/team-details.response.json");

    static Stream<String> activities() {
        return Fixtures.list("activities").stream();
    }

    static Stream<Arguments> connectorPayloads() {
        return CONNECTOR.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<String> errorBodies() {
        return Fixtures.list("connector/errors").stream();
    }

    @ParameterizedTest
    @MethodSource("activities")
    void activityRoundTrip(String fixture) {
        String json = Fixtures.read(fixture);
        Activity activity = Activity.fromJson(json);
        assertJsonEquals(json, activity.toJson());
        assertEquals(activity, Activity.fromJson(activity.toJson()), "parse(serialize(a)) equals a");
        assertEquals(activity, activity.toBuilder().build(), "toBuilder keeps everything");
    }

    @ParameterizedTest
    @MethodSource("connectorPayloads")
    void connectorPayloadRoundTrip(String fixture, Function<String, String> roundTrip) {
        String json = Fixtures.read(fixture);
        assertJsonEquals(json, roundTrip.apply(json));
    }

    @ParameterizedTest
    @MethodSource("errorBodies")
    void errorBodyRoundTrip(String fixture) {
        String json = Fixtures.read(fixture);
        assertJsonEquals(json, ErrorResponse.fromJson(json).toJson());
    }

    @Test
    void everyConnectorFixtureIsCovered() {
        List<String> missing = new ArrayList<>();
        for (String name : Fixtures.list("connector")) {
            if (!CONNECTOR.containsKey(name) && !TEAMS_ONLY.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "connector fixtures without a round-trip mapping");
        assertFalse(Fixtures.list("activities").isEmpty());
    }
}

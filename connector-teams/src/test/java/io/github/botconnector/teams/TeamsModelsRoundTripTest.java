package io.github.botconnector.teams;

import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.schema.JsonModel;
import io.github.botconnector.test.Fixtures;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Teams payloads from the shared fixtures: parse, serialize, compare trees; equality and builder copies. */
class TeamsModelsRoundTripTest {

    private static final String ADELE = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A JSON array of members, read element by element with the public {@code fromJson}. */
    static List<TeamsChannelAccount> members(String json) {
        try {
            List<TeamsChannelAccount> members = new ArrayList<>();
            for (JsonNode member : MAPPER.readTree(json)) {
                members.add(TeamsChannelAccount.fromJson(member.toString()));
            }
            return members;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model, a list of models or any other value as JSON, the way the SDK writes it. */
    static String write(Object value) {
        if (value instanceof JsonModel model) {
            return model.toJson();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TeamsModelsRoundTripTest::write).collect(Collectors.joining(",", "[", "]"));
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> payloads() {
        Map<String, Function<String, Object>> readers = Map.ofEntries(
                Map.entry("connector/team-details.response.json", TeamDetails::fromJson),
                Map.entry("connector/channel-list.response.json", ConversationList::fromJson),
                Map.entry("connector/meeting-notification.request.json", TargetedMeetingNotification::fromJson),
                Map.entry("connector/meeting-notification.response.207.json", MeetingNotificationResponse::fromJson),
                Map.entry("connector/teams-channel-account.all-fields.json", TeamsChannelAccount::fromJson),
                Map.entry("connector/member.response.json", TeamsChannelAccount::fromJson),
                Map.entry("connector/member-anonymous.response.json", TeamsChannelAccount::fromJson),
                Map.entry("connector/members.response.json", TeamsModelsRoundTripTest::members),
                Map.entry("connector/paged-members.response.page1.json", TeamsPagedMembersResult::fromJson),
                Map.entry("connector/paged-members.response.last.json", TeamsPagedMembersResult::fromJson));
        return readers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void connectorPayloadRoundTrip(String fixture, Function<String, Object> reader) {
        String json = Fixtures.read(fixture);
        Object model = reader.apply(json);
        String written = write(model);
        assertJsonEquals(json, written);
        assertEquals(model, reader.apply(written), "parse(serialize(x)) equals x");
        if (!(model instanceof List<?>)) {
            assertEquals(written, model.toString(), "toString is the JSON form");
        }
    }

    static Stream<String> activities() {
        return Fixtures.list("activities").stream();
    }

    @ParameterizedTest
    @MethodSource("activities")
    void activityChannelDataRoundTrip(String fixture) {
        Activity activity = Activity.fromJson(Fixtures.read(fixture));
        String channelDataJson = write(activity.channelData());
        TeamsChannelData data = TeamsActivities.teamsChannelData(activity);
        assertJsonEquals(channelDataJson, data.toJson());
        assertEquals(data, TeamsChannelData.fromJson(data.toJson()));
        assertEquals(data, data.toBuilder().build(), "toBuilder keeps everything");
        // Written back into an activity, the typed channel data gives the same activity JSON.
        assertJsonEquals(activity.toJson(), activity.toBuilder().channelData(data).build().toJson());
    }

    @Test
    void unknownNestedMembersAreKeptOnTypedChannelData() {
        Activity activity = Activity.fromJson(Fixtures.read("activities/message-unknown-properties.json"));
        TeamsChannelData data = TeamsActivities.teamsChannelData(activity);
        assertEquals("19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2", data.team().id());
        assertEquals("keep-me-team", data.team().properties().get("x-unknownTeamField"));
        assertEquals(Map.of("nested", List.of(1, 2, 3), "flag", true), data.team().properties().get("x-unknownTeamObject"));
        assertEquals("keep-me-channel", data.channel().properties().get("x-unknownChannelField"));
        assertEquals("keep-me-tenant", data.tenant().properties().get("x-unknownTenantField"));
        assertEquals(Map.of("a", 1), data.properties().get("x-unknownChannelDataField"));
    }

    @Test
    void teamsChannelAccountReadsObjectIdAsAadObjectId() {
        TeamsChannelAccount member = TeamsChannelAccount.fromJson(Fixtures.read("connector/member.response.json"));
        assertEquals("f47efa0c-83f3-4809-9aa3-697717f94f7e", member.aadObjectId());
        assertEquals("f47efa0c-83f3-4809-9aa3-697717f94f7e", member.objectId());
        assertFalse(member.toJson().contains("\"aadObjectId\""), "written back as received: objectId only");
        assertEquals("Adele", member.givenName());
        assertEquals("Vance", member.surname());
        assertEquals("AdeleV@contoso.example", member.email());
        assertEquals("AdeleV@contoso.example", member.userPrincipalName());
        assertEquals("user", member.userRole());
        assertEquals("c603ca06-32cc-4a8f-9a2a-a31442aeb907", member.tenantId());

        ChannelAccount plain = member.toChannelAccount();
        assertEquals(ChannelAccount.builder().id(ADELE).name("Adele Vance")
                .aadObjectId("f47efa0c-83f3-4809-9aa3-697717f94f7e").build(), plain);

        TeamsChannelAccount both = TeamsChannelAccount.fromJson("{\"id\":\"29:x\",\"aadObjectId\":\"a\",\"objectId\":\"b\"}");
        assertEquals("a", both.aadObjectId(), "aadObjectId wins when both are present");
        assertEquals("b", both.objectId());
        assertJsonEquals("{\"id\":\"29:x\",\"aadObjectId\":\"a\",\"objectId\":\"b\"}", both.toJson());

        TeamsChannelAccount anonymous = TeamsChannelAccount.fromJson(Fixtures.read("connector/member-anonymous.response.json"));
        assertNull(anonymous.aadObjectId());
        assertEquals("anonymous", anonymous.userRole());
    }

    @Test
    void teamsChannelAccountFromPlainAccountKeepsUnknownMembers() {
        ChannelAccount account = ChannelAccount.fromJson("{\"id\":\"29:u\",\"name\":\"U\",\"objectId\":\"g\",\"userRole\":\"guest\",\"x\":1}");
        TeamsChannelAccount teams = TeamsChannelAccount.from(account);
        assertEquals("g", teams.aadObjectId());
        assertEquals("guest", teams.userRole());
        assertEquals(1, teams.properties().get("x"));
        assertJsonEquals(account.toJson(), teams.toJson());
    }

    @Test
    void typedTeamAndChannelModels() {
        TeamDetails team = TeamDetails.fromJson(Fixtures.read("connector/team-details.response.json"));
        assertEquals("Contoso Operations", team.name());
        assertEquals(3, team.channelCount());
        assertEquals(27, team.memberCount());
        assertEquals("standard", team.type());
        assertEquals("aa3f1d74-a5ac-457f-bd4b-4534dfd2b1fb", team.aadGroupId());

        ConversationList channels = ConversationList.fromJson(Fixtures.read("connector/channel-list.response.json"));
        assertEquals(3, channels.conversations().size());
        assertNull(channels.conversations().get(0).name(), "General channel has no name");
        assertEquals(team.id(), channels.conversations().get(0).id(), "General channel id equals the team id");
        assertEquals("Incidents", channels.conversations().get(1).name());
        assertFalse(channels.conversations().get(1).isPrivate());
        assertTrue(ChannelInfo.builder().id("19:p@thread.tacv2").type("private").build().isPrivate());

        TeamsPagedMembersResult page = TeamsPagedMembersResult.fromJson(Fixtures.read("connector/paged-members.response.page1.json"));
        assertEquals(2, page.members().size());
        assertEquals("b0b43a07-6561-4bd2-a4e3-6aba842d979d", page.members().get(1).aadObjectId());
        assertEquals("a1b2c3SW5Jc0xhc3RQYWdlPWZhbHNlO1NraXA9Mjswd2VpcmQtYnV0LW9wYXF1ZQ", page.continuationToken());
        assertNull(TeamsPagedMembersResult.fromJson(Fixtures.read("connector/paged-members.response.last.json")).continuationToken());
    }

    @Test
    void meetingNotificationRequestParsesTypedAndAcceptsPascalCaseOnBehalfOf() {
        TargetedMeetingNotification request = TargetedMeetingNotification.fromJson(Fixtures.read("connector/meeting-notification.request.json"));
        assertEquals(TargetedMeetingNotification.TYPE, request.type());
        assertEquals(2, request.value().recipients().size());
        MeetingSurface stage = request.value().surfaces().get(0);
        assertEquals("meetingStage", stage.surface());
        assertEquals("task", stage.contentType());
        OnBehalfOf onBehalfOf = request.channelData().onBehalfOf().get(0);
        assertEquals(0, onBehalfOf.itemId());
        assertEquals("person", onBehalfOf.mentionType());
        assertEquals("Alex Wilber", onBehalfOf.displayName());

        // The same request built with the factory methods writes the same JSON.
        TargetedMeetingNotification built = TargetedMeetingNotification.of(request.value().recipients(),
                        MeetingSurface.meetingStage("Vote on the release", "https://contoso.example/teams/vote?meeting=42", "300", "400"))
                .toBuilder()
                .channelData(MeetingNotificationChannelData.builder()
                        .onBehalfOf(OnBehalfOf.person(onBehalfOf.mri(), "Alex Wilber")).build())
                .build();
        assertJsonEquals(Fixtures.read("connector/meeting-notification.request.json"), built.toJson());

        String pascal = Fixtures.read("connector/meeting-notification.request.json").replace("\"onBehalfOf\"", "\"OnBehalfOf\"");
        TargetedMeetingNotification fromPascal = TargetedMeetingNotification.fromJson(pascal);
        assertEquals(request.channelData().onBehalfOf(), fromPascal.channelData().onBehalfOf());
        assertTrue(fromPascal.channelData().properties().isEmpty(), "OnBehalfOf is read as the typed member");

        TeamsChannelData channelData = TeamsChannelData.fromJson("{\"OnBehalfOf\":[{\"itemid\":0,\"mri\":\"29:a\"}]}");
        assertEquals("29:a", channelData.onBehalfOf().get(0).mri());

        assertEquals("meetingTabIcon", MeetingSurface.meetingTabIcon("tab-1").surface());
        assertEquals("tab-1", MeetingSurface.meetingTabIcon("tab-1").tabEntityId());
    }

    @Test
    void meetingNotificationResponseListsFailures() {
        MeetingNotificationResponse response = MeetingNotificationResponse.fromJson(Fixtures.read("connector/meeting-notification.response.207.json"));
        assertFalse(response.allSent());
        MeetingNotificationRecipientFailureInfo failure = response.recipientsFailureInfo().get(0);
        assertEquals("MemberNotFoundInConversation", failure.errorCode());
        assertEquals("The recipient is not a participant of this meeting.", failure.failureReason());
        assertTrue(failure.recipientMri().startsWith("29:1N_IN7S35A"));
        assertTrue(MeetingNotificationResponse.fromJson("{}").allSent());
    }

    @Test
    void meetingModelsParse() {
        String info = "{\"details\":{\"id\":\"m1\",\"msGraphResourceId\":\"g1\",\"scheduledStartTime\":\"2026-01-15T12:00:00Z\","
                + "\"scheduledEndTime\":\"2026-01-15T13:00:00.5+01:00\",\"joinUrl\":\"https://teams.microsoft.com/l/meetup-join/x\","
                + "\"title\":\"Release review\",\"type\":\"Scheduled\",\"x-new\":true},"
                + "\"conversation\":{\"isGroup\":true,\"conversationType\":\"groupChat\",\"id\":\"19:meeting_x@thread.v2\"},"
                + "\"organizer\":{\"id\":\"29:o\",\"objectId\":\"oid\",\"tenantId\":\"t\"}}";
        MeetingInfo meeting = MeetingInfo.fromJson(info);
        assertEquals(OffsetDateTime.parse("2026-01-15T12:00:00Z"), meeting.details().scheduledStartTime());
        assertEquals("Scheduled", meeting.details().type());
        assertEquals("oid", meeting.organizer().aadObjectId());
        assertEquals(true, meeting.details().properties().get("x-new"));
        assertJsonEquals(info, meeting.toJson());

        String participant = "{\"user\":{\"id\":\"29:p\",\"name\":\"P\",\"userRole\":\"user\"},"
                + "\"meeting\":{\"role\":\"Presenter\",\"inMeeting\":true},"
                + "\"conversation\":{\"id\":\"19:meeting_x@thread.v2\",\"isGroup\":true}}";
        TeamsMeetingParticipant p = TeamsMeetingParticipant.fromJson(participant);
        assertEquals("Presenter", p.meeting().role());
        assertEquals(Boolean.TRUE, p.meeting().inMeeting());
        assertJsonEquals(participant, p.toJson());
    }

    @Test
    void malformedJsonNamesThePath() {
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> TeamDetails.fromJson("{\"memberCount\":\"many\"}"));
        assertTrue(e.getMessage().contains("memberCount"), e.getMessage());
    }
}

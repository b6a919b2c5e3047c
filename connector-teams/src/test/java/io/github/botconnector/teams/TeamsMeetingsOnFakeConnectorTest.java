package io.github.botconnector.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.teams.support.TestClients;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeMeeting;
import io.github.botconnector.testing.FakeUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Meeting operations against the fake connector: info, participant, targeted notification (202 and 207). */
class TeamsMeetingsOnFakeConnectorTest {

    @RegisterExtension
    final FakeConnectorExtension fake = FakeConnectorExtension.builder()
            .contoso(t -> t.meeting("Release review", m -> m.organizer("Adele Vance").participants("Alex Wilber")))
            .build();

    @Test
    void meetingInfoParticipantAndNotification(FakeConnector connector) {
        FakeMeeting meeting = connector.meetings().get(0);
        FakeUser adele = connector.user("Adele Vance");
        FakeUser alex = connector.user("Alex Wilber");
        FakeUser lee = connector.user("Lee Gu");
        try (ConnectorClient client = TestClients.connector(connector.serviceUrl())) {
            TeamsClient teams = TeamsClient.of(client);

            MeetingInfo info = teams.meetingInfo(meeting.id());
            assertEquals(meeting.chatId(), info.conversation().id());
            assertEquals(adele.id(), info.organizer().id());

            TeamsMeetingParticipant organizer = teams.meetingParticipant(meeting.id(), adele.aadObjectId(), meeting.tenantId());
            assertEquals("Organizer", organizer.meeting().role());
            assertEquals(adele.id(), organizer.user().id());

            MeetingSurface stage = MeetingSurface.meetingStage("Vote on the release", "https://contoso.example/vote", "300", "400");
            MeetingNotificationResponse all = teams.sendMeetingNotification(meeting.id(),
                    TargetedMeetingNotification.of(List.of(adele.id(), alex.id()), stage));
            assertTrue(all.allSent(), "202: every recipient notified");

            MeetingNotificationResponse partial = teams.sendMeetingNotification(meeting.id(),
                    TargetedMeetingNotification.of(List.of(alex.id(), lee.id()), stage));
            assertFalse(partial.allSent(), "207: some recipients not notified");
            assertEquals(List.of(lee.id()), partial.recipientsFailureInfo().stream()
                    .map(MeetingNotificationRecipientFailureInfo::recipientMri).toList());
            assertEquals("MemberNotFoundInConversation", partial.recipientsFailureInfo().get(0).errorCode());
        }
    }
}

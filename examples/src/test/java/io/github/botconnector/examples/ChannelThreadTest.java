package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeTeam;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelThreadTest {

    @Test
    void startsAThreadAndRepliesInIt() {
        try (FakeConnector fake = SampleTenant.startFakeConnector()) {
            FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
            String channelId = team.channel(SampleTenant.DISPATCH_CHANNEL).id();
            ExampleConfig config = ExampleConfig.forFakeConnector(fake);
            CapturedOutput out = new CapturedOutput();

            ChannelThread.Posted posted;
            try (ConnectorClient client = config.newClient()) {
                posted = new ChannelThread(client, out.stream()).post(channelId, team.tenantId(),
                        Messages.threadStart("Truck 12 delayed"), Activity.message("Truck 12 is moving again."));
            }

            fake.awaitActivities(2, Duration.ofSeconds(10));
            assertEquals(channelId + ";messageid=" + posted.rootMessageId(), posted.threadConversationId());
            FakeConversation thread = fake.conversation(posted.threadConversationId());
            assertEquals("thread", thread.type());
            assertEquals(team.id(), thread.teamId());
            List<Activity> activities = thread.activities();
            assertEquals(2, activities.size());
            assertEquals(posted.rootMessageId(), activities.get(0).id());
            assertTrue(activities.get(0).text().contains("Truck 12 delayed"));
            assertEquals(posted.replyId(), activities.get(1).id());
            assertEquals(posted.rootMessageId(), activities.get(1).replyToId());
            assertEquals("Truck 12 is moving again.", activities.get(1).text());
            assertTrue(out.text().contains("new thread " + posted.threadConversationId() + " (root message "
                    + posted.rootMessageId() + ")"), out.text());
            assertTrue(out.text().contains("reply " + posted.replyId() + " in thread "
                    + posted.threadConversationId()), out.text());
        }
    }
}

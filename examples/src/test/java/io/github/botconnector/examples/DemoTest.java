package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.BlockedByUserException;
import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.exception.BotNotInstalledException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void tellsAllSevenStepsWithIdsAndCompletes() {
        CapturedOutput out = new CapturedOutput();
        try (FakeConnector fake = SampleTenant.startFakeConnector()) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Demo.run(fake, out.stream()));
            String text = out.text();

            int previous = -1;
            for (int step = 1; step <= 7; step++) {
                int at = text.indexOf("[" + step + "/7] ");
                assertTrue(at > previous, "step " + step + " missing or out of order:\n" + text);
                previous = at;
            }
            assertTrue(text.contains("Demo complete in "), text);
            assertTrue(text.contains("7 of 7 steps done, 15 activities sent by the bot."), text);

            FakeUser adele = fake.user(SampleTenant.INSTALLER);
            String adeleChat = fake.personalConversationId(adele);
            // Step 1: the signed install was stored, the forged ones refused.
            assertTrue(text.contains("stored reference of conversation " + adeleChat), text);
            assertTrue(text.contains("forged install (unsigned) -> HTTP 401, (wrongly signed) -> HTTP 401"), text);
            // Step 2: welcome through the stored reference, with the reasons of §9.
            List<Activity> toAdele = fake.activitiesSentTo(adele);
            assertEquals(3, toAdele.size());
            assertTrue(text.contains("client.send(reference, welcome) -> activity " + toAdele.get(0).id() + " in "
                    + adeleChat), text);
            Activity welcome = toAdele.get(0);
            assertEquals("Welcome to " + Messages.APP_NAME, welcome.summary());
            String welcomeCard = welcome.attachments().get(0).toJson();
            assertTrue(welcomeCard.contains("You installed Contoso Notifier in Teams"), welcomeCard);   // why
            assertTrue(welcomeCard.contains("It tells you when an incident"), welcomeCard);             // the offer
            assertTrue(welcomeCard.contains("subscribe incidents"), welcomeCard);                      // next steps
            // Step 3: the 1:1 message with an alert.
            FakeUser megan = fake.user(SampleTenant.NEW_USER);
            Activity direct = fake.activitiesSentTo(megan).get(0);
            assertTrue(Demo.hasAlert(direct));
            assertTrue(text.contains("sent message " + direct.id() + " (notification.alert = true)"), text);
            // Step 4: every member of the team.
            FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
            for (String memberId : team.memberIds()) {
                assertTrue(fake.activitiesSentTo(memberId).stream()
                        .anyMatch(a -> a.text() != null && a.text().startsWith("Hello ")));
            }
            assertTrue(text.contains("roster: 10 members"), text);
            assertTrue(text.contains("report: 10 sent, 0 failed, 0 unknown; 20 requests, 0 answered 429"), text);
            assertTrue(text.indexOf("All messages have been sent.") > text.indexOf("report: 10 sent"), text);
            // Step 5: a thread and its reply.
            Matcher thread = Pattern.compile("new thread (\\S+;messageid=(\\d+))").matcher(text);
            assertTrue(thread.find(), text);
            List<Activity> inThread = fake.conversation(thread.group(1)).activities();
            assertEquals(2, inThread.size());
            assertEquals(thread.group(2), inThread.get(1).replyToId());
            // Step 6: the notification card with an opt-out.
            Activity card = toAdele.get(2);
            assertEquals("application/vnd.microsoft.card.adaptive", card.attachments().get(0).contentType());
            assertTrue(card.attachments().get(0).toJson().contains("Stop incident notifications"));
            assertEquals("Incident INC-2041 was resolved", card.summary());
            assertTrue(text.contains("sent card " + card.id()), text);
            // Step 7: typed errors, nothing delivered, references dropped.
            assertTrue(text.contains("BlockedByUserException 403 MessageWritesBlocked"), text);
            assertTrue(text.contains("BotNotInConversationRosterException 403 BotNotInConversationRoster"), text);
            assertTrue(text.contains("BotNotInstalledException 403 ForbiddenOperationException"), text);
            for (String name : List.of(SampleTenant.BLOCKING_USER, SampleTenant.UNINSTALLED_USER,
                    SampleTenant.USER_WITHOUT_APP)) {
                assertEquals(List.of(), fake.activitiesSentTo(name), name);
            }
            // The transcript lists the conversations with their activities.
            assertTrue(text.contains("Transcript of the fake connector"), text);
            assertTrue(text.contains("  personal " + adeleChat + " (Adele Vance)"), text);
            assertTrue(text.contains("    " + inThread.get(1).id() + " (reply to " + thread.group(2) + ")"), text);
        }
    }
}

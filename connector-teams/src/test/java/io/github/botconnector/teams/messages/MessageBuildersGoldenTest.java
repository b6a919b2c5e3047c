package io.github.botconnector.teams.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: the JSON of every builder's output equals a reviewed file under {@code src/test/resources/messages/},
 * and every card in it is valid against the Adaptive Card 1.5 schema.
 *
 * <p>To rewrite the files after an intended change, run with {@code -Dgolden.write=<path to
 * src/test/resources/messages>} and review the diff.
 */
class MessageBuildersGoldenTest {

    static final ChannelAccount NESTOR = ChannelAccount.of(
            "29:1xNestorWilkeJQ2MTk0YzktZjIxNS00YTk1LWE0ZjItNDJmYjg1ZjQ3NjE3Ia9SXk", "Nestor Wilke");

    @Test
    void welcomeFromATeamInstallNamesTheTeamAndTheChannel() {
        Activity install = CardSchema.activity("/messages/conversation-update-team-bot-added.json");
        WelcomeMessage welcome = WelcomeMessage.builder()
                .appName("Contoso Notifier")
                .installEvent(install)
                .offer("It posts incident updates for Contoso Operations here, so nobody has to watch the dashboards.")
                .nextStep("Mention **Contoso Notifier** with `subscribe incidents` to get the updates of your area.")
                .build();

        assertEquals("Contoso Operations", welcome.teamName());
        assertEquals("Incidents", welcome.channelName());
        assertEquals("29:1m4uh55ItoqJaqUGBZ5NZqUOeAmq5cCmKToycOiZ_wmxWpS6Coz13R0mp6HKT5jISG4ig3mQaSNTQ74haJ6aEtQ",
                welcome.installedBy().id());
        assertGolden("welcome-team-install", welcome.toActivity());
    }

    @Test
    void welcomeFromAPersonalInstallWithSeveralNextStepsAndAHelpButton() {
        Activity install = CardSchema.activity("/messages/installation-update-add-personal.json");
        WelcomeMessage welcome = WelcomeMessage.builder()
                .appName("Contoso Notifier")
                .installEvent(install)
                .offer("It tells you when an incident in your area changes and when a shipment leaves the warehouse.")
                .nextStep("Reply `subscribe incidents` to get incident updates.")
                .nextStep("Reply `help` to see every command.")
                .action(AdaptiveAction.openUrl("How it works", "https://contoso.example/notifier/help"))
                .build();

        assertNull(welcome.teamName());
        assertEquals("You installed Contoso Notifier in Teams, so it can send you messages here.", welcome.reason());
        assertGolden("welcome-personal-install", welcome.toActivity());
    }

    @Test
    void welcomeFromAChannelInstallByANamedUserSaysWhoInstalledIt() {
        Activity install = CardSchema.activity("/messages/conversation-update-team-bot-added.json");
        Activity named = install.toBuilder().from(install.from().toBuilder().name("Alex Wilber").build()).build();

        WelcomeMessage welcome = WelcomeMessage.builder().appName("Contoso Notifier").installEvent(named)
                .offer("It posts incident updates.").nextStep("Try `help`.").build();

        assertEquals("Contoso Notifier was added to the team **Contoso Operations** (channel **Incidents**) by Alex"
                + " Wilber, so it can post here.", welcome.reason());
        CardSchema.assertCardsValid(welcome.toActivity());
    }

    @Test
    void welcomeReadsInstallationUpdatesAndGroupChatInstallsToo() {
        Activity teamInstall = CardSchema.activity("/messages/installation-update-add-team.json");
        WelcomeMessage inTeam = WelcomeMessage.builder().appName("Contoso Notifier").installEvent(teamInstall)
                .offer("It posts incident updates.").nextStep("Try `help`.").build();
        assertEquals("Contoso Notifier was added to the team **Contoso Operations** (channel **Incidents**), so it can"
                + " post here.", inTeam.reason());

        Activity chatInstall = Activity.fromJson("{\"type\":\"conversationUpdate\",\"membersAdded\":[{\"id\":"
                + "\"28:805a9832-b270-4490-a35a-a726f1fc9513\"}],\"from\":{\"id\":\"29:1lee\",\"name\":\"Lee Gu\"},"
                + "\"recipient\":{\"id\":\"28:805a9832-b270-4490-a35a-a726f1fc9513\"},\"conversation\":{\"id\":"
                + "\"19:5397f6f4e42b01ec4343efed6a4d865f@thread.v2\",\"conversationType\":\"groupChat\",\"isGroup\":true}}");
        WelcomeMessage inChat = WelcomeMessage.builder().appName("Contoso Notifier").installEvent(chatInstall)
                .offer("It posts launch reminders.").nextStep("Try `help`.").build();
        assertEquals("Contoso Notifier was added to this chat by Lee Gu, so it can post here.", inChat.reason());
        assertNull(inChat.teamName());
        CardSchema.assertCardsValid(inChat.toActivity());
    }

    @Test
    void notificationWithAllFiveParts() {
        NotificationMessage notification = NotificationMessage.builder()
                .whatHappened("Incident INC-2041 was resolved")
                .result("Service restored in Berlin")
                .triggeredBy("Nestor Wilke (on-call engineer)")
                .fact("Duration", "42 minutes")
                .action(AdaptiveAction.openUrl("Open INC-2041", "https://contoso.example/incidents/INC-2041"))
                .optOut("incidents", "Stop incident notifications")
                .alert(true)
                .build();

        assertGolden("notification", notification.toActivity());
    }

    @Test
    void notificationTriggeredByAPersonMentionsThem() {
        NotificationMessage notification = NotificationMessage.builder()
                .whatHappened("Purchase order PO-7731 needs your approval")
                .result("PO-7731: 12 laptops, 14,400 EUR")
                .triggeredBy(NESTOR)
                .action(AdaptiveAction.execute("Approve", "approve", Map.of("order", "PO-7731")))
                .action(AdaptiveAction.openUrl("Open PO-7731", "https://contoso.example/orders/PO-7731"))
                .optOut("approvals", "Stop approval requests")
                .summary("Nestor Wilke asks you to approve PO-7731")
                .build();

        assertEquals("<at>Nestor Wilke</at>", notification.triggeredBy());
        assertGolden("notification-mention", notification.toActivity());
    }

    @Test
    void cardWithEveryElementTheBuilderOffers() {
        AdaptiveCard card = AdaptiveCard.builder()
                .heading("Shipment SH-1182 left the warehouse")
                .text("Hi " + AdaptiveCard.mentionText(NESTOR) + ", your order is on its way.")
                .mention(NESTOR)
                .facts(Fact.of("Carrier", "Contoso Freight"), Fact.of("Arrives", "Thursday"))
                .image("https://contoso.example/img/truck.png", "A delivery truck")
                .columns(Column.of(Column.AUTO, CardElement.image("https://contoso.example/img/box.png", "A parcel")),
                        Column.of(CardElement.text("3 parcels"), CardElement.subtleText("Tracking updates hourly")))
                .add(CardElement.actions(AdaptiveAction.submit("Track", Map.of("action", "track", "id", "SH-1182"))))
                .openUrl("Open SH-1182", "https://contoso.example/shipments/SH-1182")
                .execute("Notify me on arrival", "notifyOnArrival", Map.of("id", "SH-1182"))
                .fallbackText("Shipment SH-1182 left the warehouse.")
                .build();

        Activity message = Activity.builder().type("message").attachments(card.toAttachment()).build();
        assertGolden("card-all-elements", message);
        CardSchema.assertValid(CardSchema.tree(card.toJson()));
    }

    @Test
    void typingIndicatorAndSuggestedActions() {
        assertGolden("typing", TeamsMessages.typing());
        assertGolden("suggested-actions", TeamsMessages.withSuggestedActions("Subscribe to incident updates?", "Yes", "No"));
    }

    static void assertGolden(String name, Activity activity) {
        JsonNode actual = CardSchema.tree(activity.toJson());
        String write = System.getProperty("golden.write");
        if (write != null) {
            try {
                Files.writeString(Path.of(write, name + ".json"),
                        CardSchema.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(CardSchema.tree(CardSchema.text("/messages/" + name + ".json")), actual, name);
        CardSchema.assertCardsValid(activity);
    }
}

package io.github.botconnector.teams.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.Attachment;
import io.github.botconnector.schema.ChannelAccount;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every part the Teams guidance names is required: a missing one is an error that names it. */
class RequiredPartsTest {

    static NotificationMessage.Builder completeNotification() {
        return NotificationMessage.builder()
                .whatHappened("Incident INC-2041 was resolved")
                .result("Service restored")
                .triggeredBy("Nestor Wilke")
                .action(AdaptiveAction.openUrl("Open", "https://contoso.example/incidents/INC-2041"))
                .optOut("incidents", "Stop incident notifications");
    }

    static WelcomeMessage.Builder completeWelcome() {
        return WelcomeMessage.builder()
                .appName("Contoso Notifier")
                .reason("Your administrator installed Contoso Notifier for you.")
                .offer("It tells you about incidents in your area.")
                .nextStep("Reply help.");
    }

    @Test
    void notificationNamesEachMissingPart() {
        assertMissing("whatHappened", () -> completeNotification().whatHappened(null).build());
        assertMissing("result", () -> completeNotification().result(" ").build());
        assertMissing("triggeredBy", () -> completeNotification().triggeredBy((String) null).build());
        assertMissing("an action", () -> NotificationMessage.builder().whatHappened("x").result("y").triggeredBy("z")
                .optOut("incidents", "Stop").build());
        assertMissing("an opt-out", () -> completeNotification().optOut(null, null).build());
        assertMissing("an opt-out", () -> completeNotification().optOut("incidents", "").build());
        completeNotification().build();
    }

    @Test
    void welcomeNamesEachMissingPart() {
        assertMissing("appName", () -> completeWelcome().appName(null).build());
        assertMissing("a reason", () -> completeWelcome().reason(null).build());
        assertMissing("an offer", () -> completeWelcome().offer("").build());
        assertMissing("a nextStep", () -> WelcomeMessage.builder().appName("A").reason("B").offer("C").build());
        completeWelcome().build();
    }

    @Test
    void anInstallEventStandsInForTheReasonButOtherActivitiesAreRefused() {
        Activity install = CardSchema.activity("/messages/installation-update-add-personal.json");
        assertEquals("You installed Contoso Notifier in Teams, so it can send you messages here.",
                completeWelcome().reason(null).installEvent(install).build().reason());

        IllegalArgumentException notInstall = assertThrows(IllegalArgumentException.class,
                () -> completeWelcome().installEvent(Activity.message("hi")));
        assertTrue(notInstall.getMessage().contains("Not an install event"), notInstall.getMessage());
    }

    @Test
    void cardsRefuseWhatTeamsWouldNotShow() {
        assertMissing("body elements or actions", () -> AdaptiveCard.builder().build());
        ChannelAccount nestor = ChannelAccount.of("29:1nestor", "Nestor Wilke");
        IllegalStateException mention = assertThrows(IllegalStateException.class,
                () -> AdaptiveCard.builder().text("Hello").mention(nestor).build());
        assertTrue(mention.getMessage().contains("<at>Nestor Wilke</at>"), mention.getMessage());
        IllegalStateException execute = assertThrows(IllegalStateException.class,
                () -> AdaptiveCard.builder().version("1.3").execute("Go", "go", null).build());
        assertTrue(execute.getMessage().contains("1.4"), execute.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdaptiveCard.builder().version("1.6"));
        assertThrows(IllegalArgumentException.class, () -> AdaptiveAction.openUrl("Open", "http://contoso.example/x"));
        assertThrows(IllegalArgumentException.class, () -> AdaptiveAction.submit("Send", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> CardElement.image("https://contoso.example/a.png", " "));
        assertThrows(IllegalArgumentException.class, () -> Fact.of("Result", ""));
    }

    @Test
    void builtMessagesAreImmutable() {
        AdaptiveCard card = AdaptiveCard.builder().text("Hello").submit("Send", Map.of("a", "b")).build();
        assertThrows(UnsupportedOperationException.class, () -> card.content().put("version", "1.6"));
        assertThrows(UnsupportedOperationException.class, () -> card.body().add(CardElement.text("more")));
        assertThrows(UnsupportedOperationException.class, () -> card.actions().get(0).data().put("a", "c"));
        NotificationMessage n = completeNotification().build();
        assertThrows(UnsupportedOperationException.class, () -> n.actions().clear());
        assertEquals(n.card(), completeNotification().build().card(), "equal parts give equal cards");
    }

    @Test
    void rawCardJsonIsStillAcceptedAfterAMinimalCheck() {
        Attachment raw = AdaptiveCard.attachment("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\","
                + "\"body\":[{\"type\":\"TextBlock\",\"text\":\"Hand-written\"}]}");
        assertEquals(AdaptiveCard.CONTENT_TYPE, raw.contentType());
        CardSchema.assertCardsValid(Activity.builder().type("message").attachments(raw).build());

        assertRefused("not well-formed JSON", "{\"type\":\"AdaptiveCard\",");
        assertRefused("\"type\": \"AdaptiveCard\"", "{\"type\":\"HeroCard\",\"version\":\"1.5\"}");
        assertRefused("version", "{\"type\":\"AdaptiveCard\",\"version\":\"1.6\"}");
    }

    @Test
    void theSchemaCheckRejectsInvalidCards() {
        // Guards the golden tests: the validator really checks cards against the 1.5 schema.
        assertFalse(CardSchema.errors(CardSchema.tree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\","
                + "\"body\":[{\"type\":\"Image\",\"altText\":\"no url\"}]}")).isEmpty());
        assertFalse(CardSchema.errors(CardSchema.tree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\","
                + "\"body\":[{\"type\":\"Carousel\"}]}")).isEmpty());
        assertFalse(CardSchema.errors(CardSchema.tree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"colour\":1}"))
                .isEmpty());
    }

    private static void assertRefused(String part, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdaptiveCard.attachment(json));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static void assertMissing(String part, org.junit.jupiter.api.function.Executable build) {
        IllegalStateException e = assertThrows(IllegalStateException.class, build);
        assertTrue(e.getMessage().contains(part), () -> "message should name " + part + ": " + e.getMessage());
    }

}

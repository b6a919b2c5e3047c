package io.github.botconnector.teams.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.Activity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The opt-out helper recognises the click on the notification's opt-out button, with its topic, and nothing else. */
class OptOutTest {

    /** What Teams posts to the bot when the user clicks an Action.Submit button: a message whose value is the data. */
    static Activity clickOn(AdaptiveAction button) {
        return Activity.fromJson("{\"type\":\"message\",\"id\":\"1768478371904\",\"channelId\":\"msteams\","
                + "\"from\":{\"id\":\"29:1adele\",\"name\":\"Adele Vance\"},"
                + "\"conversation\":{\"id\":\"a:1adele\",\"conversationType\":\"personal\"},"
                + "\"value\":" + CardSchema.MAPPER.valueToTree(button.data()) + "}");
    }

    @Test
    void recognisesTheButtonOfTheNotificationAndTellsTheTopic() {
        NotificationMessage notification = RequiredPartsTest.completeNotification()
                .optOut("incidents", "Stop incident notifications").build();
        List<AdaptiveAction> actions = notification.card().actions();
        AdaptiveAction optOut = actions.get(actions.size() - 1);
        assertEquals("Stop incident notifications", optOut.title());

        Activity click = clickOn(optOut);
        assertEquals(Optional.of("incidents"), OptOut.topic(click));
        assertTrue(OptOut.isOptOut(click));

        // The other button of the same notification is not an opt-out.
        assertFalse(OptOut.isOptOut(Activity.fromJson("{\"type\":\"message\",\"text\":\"open\"}")));
        AdaptiveAction other = AdaptiveAction.submit("Acknowledge", Map.of("action", "ack", "topic", "incidents"));
        assertEquals(Optional.empty(), OptOut.topic(clickOn(other)));
    }

    @Test
    void nothingElseIsAnOptOut() {
        assertEquals(Optional.empty(), OptOut.topic(null));
        assertEquals(Optional.empty(), OptOut.topic(Activity.message("stop")));
        assertEquals(Optional.empty(), OptOut.topic(Activity.message("unsubscribe incidents")));
        // The same data in an invoke (Action.Execute) or an event is not the builder's button.
        assertEquals(Optional.empty(), OptOut.topic(Activity.fromJson(
                "{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\",\"value\":{\"action\":\"botconnector.optOut\","
                        + "\"topic\":\"incidents\"}}")));
        assertEquals(Optional.empty(), OptOut.topic(Activity.fromJson(
                "{\"type\":\"event\",\"value\":{\"action\":\"botconnector.optOut\",\"topic\":\"incidents\"}}")));
        // Wrong or missing parts of the data.
        assertEquals(Optional.empty(), OptOut.topic(value("{\"action\":\"unsubscribe\",\"topic\":\"incidents\"}")));
        assertEquals(Optional.empty(), OptOut.topic(value("{\"action\":\"botconnector.optOut\"}")));
        assertEquals(Optional.empty(), OptOut.topic(value("{\"action\":\"botconnector.optOut\",\"topic\":\"  \"}")));
        assertEquals(Optional.empty(), OptOut.topic(value("{\"action\":\"botconnector.optOut\",\"topic\":7}")));
        assertEquals(Optional.empty(), OptOut.topic(value("\"botconnector.optOut\"")));
        assertEquals(Optional.empty(), OptOut.topic(value("[\"botconnector.optOut\",\"incidents\"]")));
    }

    @Test
    void theClickKeepsTheTopicWhenTheCardHasInputs() {
        // Teams merges the card's inputs into the data; the opt-out is still recognised.
        assertEquals(Optional.of("approvals"), OptOut.topic(value(
                "{\"action\":\"botconnector.optOut\",\"topic\":\"approvals\",\"comment\":\"too many\"}")));
    }

    private static Activity value(String json) {
        return Activity.fromJson("{\"type\":\"message\",\"value\":" + json + "}");
    }
}

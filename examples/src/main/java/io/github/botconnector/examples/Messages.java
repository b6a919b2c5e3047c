package io.github.botconnector.examples;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.Attachment;
import io.github.botconnector.schema.TextFormatTypes;
import java.util.List;
import java.util.Map;

/**
 * The messages the examples send, written to the Teams best practices for proactive messages: a welcome says why the
 * user gets it, what the app offers and what to do next; a notification says what happened, the result, who
 * triggered it, what the user can do, and how to opt out. Poor proactive messages make users block the app.
 */
public final class Messages {

    /** The bot's display name in the examples. */
    public static final String APP_NAME = "Contoso Notifier";

    private Messages() {
    }

    /** The welcome message for the user who installed the app in their personal scope. */
    public static Activity welcome(String userName) {
        String text = "Hi " + firstName(userName) + ", thanks for installing **" + APP_NAME + "**.\n\n"
                // Reason for the message: why this user gets it.
                + "**Why this message:** you added " + APP_NAME + " in Teams, so it can reach you here.\n\n"
                // Your offer: what the app does and its value.
                + "**What it does:** it tells you when an incident in your area changes and when a shipment leaves"
                + " the warehouse, so you don't have to watch dashboards.\n\n"
                // Next steps: something to try now.
                + "**Try it:** reply `subscribe incidents`, or `help` to see every command.";
        return Activity.builder()
                .type("message")
                .textFormat(TextFormatTypes.MARKDOWN)
                .summary("Welcome to " + APP_NAME)
                .text(text)
                .build();
    }

    /** A direct message to a user who never wrote to the bot; it says why the user gets it. */
    public static Activity directMessage(String userName) {
        return Activity.message("Hi " + firstName(userName) + ", your administrator installed " + APP_NAME
                + " for you. It will tell you about incidents in your area. Reply `help` to see what it can do,"
                + " or `stop` to turn these messages off.");
    }

    /** The personalised hello sent to each member of a team. */
    public static Activity teamMemberHello(String userName, String teamName) {
        return Activity.message("Hello " + firstName(userName) + "! " + APP_NAME + " was added to the team "
                + teamName + ". From now on it sends you your dispatch updates here. Reply `stop` to opt out.");
    }

    /** The root message of a new channel thread. */
    public static Activity threadStart(String title) {
        return Activity.builder()
                .type("message")
                .textFormat(TextFormatTypes.MARKDOWN)
                .text("**" + title + "**\n\nReplies below carry the updates; follow this thread to get them.")
                .build();
    }

    /**
     * A notification as an Adaptive Card: what happened, the result, who triggered it, the actions and the opt-out.
     *
     * @param incidentId  the incident, for example {@code INC-2041}
     * @param what        what happened, for example {@code Incident INC-2041 was resolved}
     * @param result      the resulting state of the item, for example {@code Status: Resolved}
     * @param triggeredBy who or what caused it
     */
    public static Activity notification(String incidentId, String what, String result, String triggeredBy) {
        Map<String, Object> card = Map.of(
                "type", "AdaptiveCard",
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "version", "1.5",
                "body", List.of(
                        Map.of("type", "TextBlock", "text", what, "weight", "bolder", "size", "medium",
                                "wrap", true),
                        Map.of("type", "FactSet", "facts", List.of(
                                Map.of("title", "Result", "value", result),
                                Map.of("title", "Triggered by", "value", triggeredBy)))),
                "actions", List.of(
                        // What users can do in response: make the common action one click away.
                        Map.of("type", "Action.OpenUrl", "title", "Open " + incidentId,
                                "url", "https://contoso.example/incidents/" + incidentId),
                        // How users opt out: required for every notification.
                        Map.of("type", "Action.Submit", "title", "Stop incident notifications",
                                "data", Map.of("action", "unsubscribe", "topic", "incidents"))));
        return Activity.builder()
                .type("message")
                .text(what + ". " + result + ".")       // shown where cards are not
                .summary(what)                          // the notification preview text
                .attachments(Attachment.of("application/vnd.microsoft.card.adaptive", card))
                .build();
    }

    /** The first word of a display name. */
    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "there";
        }
        return name.trim().split("\\s+")[0];
    }
}

package io.github.botconnector.examples;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.TextFormatTypes;
import io.github.botconnector.teams.messages.AdaptiveAction;
import io.github.botconnector.teams.messages.NotificationMessage;
import io.github.botconnector.teams.messages.WelcomeMessage;

/**
 * The messages the examples send, written to the Teams best practices for proactive messages: a welcome says why the
 * user gets it, what the app offers and what to do next; a notification says what happened, the result, who
 * triggered it, what the user can do, and how to opt out. Poor proactive messages make users block the app.
 */
public final class Messages {

    /** The bot's display name in the examples. */
    public static final String APP_NAME = "Contoso Notifier";

    /** The opt-out topic of incident notifications. */
    public static final String INCIDENTS_TOPIC = "incidents";

    private Messages() {
    }

    /**
     * The welcome message for the user or team that installed the app, built from the install event the bot received:
     * the reason (where the app was installed, and by whom) comes from the event.
     *
     * @param installEvent the {@code conversationUpdate} or {@code installationUpdate} that announced the install
     */
    public static Activity welcome(Activity installEvent) {
        return WelcomeMessage.builder()
                .appName(APP_NAME)
                .installEvent(installEvent)
                .offer("It tells you when an incident in your area changes and when a shipment leaves the warehouse,"
                        + " so you don't have to watch dashboards.")
                .nextStep("Reply `subscribe incidents` to get incident updates.")
                .nextStep("Reply `help` to see every command.")
                .build()
                .toActivity();
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
     * A notification as an Adaptive Card: what happened, the result, who triggered it, the action and the opt-out
     * (recognised on the way back with {@code OptOut.topic(activity)}).
     *
     * @param incidentId  the incident, for example {@code INC-2041}
     * @param what        what happened, for example {@code Incident INC-2041 was resolved}
     * @param result      the resulting state of the item, for example {@code Status: Resolved}
     * @param triggeredBy who or what caused it
     */
    public static Activity notification(String incidentId, String what, String result, String triggeredBy) {
        return NotificationMessage.builder()
                .whatHappened(what)
                .result(result)
                .triggeredBy(triggeredBy)
                .action(AdaptiveAction.openUrl("Open " + incidentId, "https://contoso.example/incidents/" + incidentId))
                .optOut(INCIDENTS_TOPIC, "Stop incident notifications")
                .build()
                .toActivity();
    }

    /** The first word of a display name. */
    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "there";
        }
        return name.trim().split("\\s+")[0];
    }
}

package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Teams refuses in the content of an activity, beyond its size and type: empty messages, malformed mentions,
 * updates that change the activity type, and changes to messages that do not exist. Where Microsoft's emulator
 * (Agents Playground) and Teams differ, the fake follows Teams.
 */
final class ActivityRules {

    private ActivityRules() {
    }

    /** Checks a message's content; other activity types (typing, events, ...) carry no text. */
    static void checkContent(JsonNode activity) {
        if (!"message".equals(Json2.text(activity, "type"))) {
            return;
        }
        String text = Json2.text(activity, "text");
        JsonNode attachments = Json2.field(activity, "attachments");
        boolean hasAttachments = attachments.isArray() && !attachments.isEmpty();
        // Teams and the emulator agree on an empty message: 400 BadSyntax with this message.
        if ((text == null || text.isBlank()) && !hasAttachments) {
            throw ApiError.of(400, "BadSyntax", "Activity must include non empty 'text' field or at least one"
                    + " attachment.");
        }
        JsonNode entities = Json2.field(activity, "entities");
        if (!entities.isArray()) {
            return;
        }
        for (JsonNode entity : entities) {
            if (!entity.isObject()) {
                continue;
            }
            String type = Json2.text(entity, "type");
            if (type == null && entity.has("mentioned")) {
                throw ApiError.badArgument("Invalid mention entity: \"type\":\"mention\" is required.");
            }
            if ("mention".equals(type)) {
                String mentionText = Json2.text(entity, "text");
                // Teams' documentation says a mention whose text is not in the message is ignored, but the service
                // answers 400 BadArgument (OfficeDev/BotBuilder-MicrosoftTeams#199, botbuilder-js#317), as the
                // emulator does; the fake answers like the service.
                if (mentionText == null || text == null || !text.contains(mentionText)) {
                    throw ApiError.badArgument("Mention entity text is not valid. The mention text ("
                            + (mentionText == null ? "missing" : "'" + mentionText + "'") + ") must appear in the"
                            + " message text.");
                }
            }
        }
    }

    /** The stored activity that an update or delete changes; Teams' message when there is none. */
    static ObjectNode existing(World.Conv conv, String activityId) {
        ObjectNode a = conv.current.get(activityId);
        if (a == null) {
            throw ApiError.of(404, "ActivityNotFoundInConversation", "Message does not exist in the thread.");
        }
        return a;
    }

    /** An update keeps the activity type: a message cannot become a typing indicator or an event. */
    static void checkUpdate(ObjectNode old, JsonNode update) {
        String before = Json2.text(old, "type");
        String after = Json2.text(update, "type");
        if (before != null && after != null && !before.equals(after)) {
            throw ApiError.badArgument("The activity type cannot be changed by an update (was '" + before
                    + "', got '" + after + "'); delete the activity and send a new one instead.");
        }
    }
}

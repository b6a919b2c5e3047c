package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The minimal checks the fake makes on attachments, answering 400 as the service does: every attachment names its
 * content type, and an Adaptive Card ({@value #ADAPTIVE}) is a JSON object of type {@code AdaptiveCard} with a
 * {@code version}, whose {@code body} and {@code actions} are arrays. Size is checked for the whole activity
 * (413 {@code MessageSizeTooBig}).
 */
final class CardRules {

    static final String ADAPTIVE = "application/vnd.microsoft.card.adaptive";

    private CardRules() {
    }

    static void check(JsonNode activity) {
        JsonNode attachments = activity.get("attachments");
        if (attachments == null || attachments.isNull()) {
            return;
        }
        if (!attachments.isArray()) {
            throw ApiError.badArgument("attachments must be an array");
        }
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode a = attachments.get(i);
            String contentType = a.isObject() ? Json2.text(a, "contentType") : null;
            if (contentType == null || contentType.isBlank()) {
                throw ApiError.badArgument("attachments[" + i + "].contentType is required");
            }
            if (ADAPTIVE.equalsIgnoreCase(contentType)) {
                checkCard(a.get("content"), i);
            }
        }
    }

    private static void checkCard(JsonNode card, int index) {
        String where = "attachments[" + index + "].content";
        if (card != null && card.isTextual()) {
            try {
                card = Json2.parse(card.asText());
            } catch (RuntimeException e) {
                throw ApiError.badArgument("Invalid Adaptive Card in " + where + ": not well-formed JSON");
            }
        }
        if (card == null || !card.isObject()) {
            throw ApiError.badArgument("Invalid Adaptive Card in " + where + ": the content must be a JSON object");
        }
        if (!"AdaptiveCard".equals(Json2.text(card, "type"))) {
            throw ApiError.badArgument("Invalid Adaptive Card in " + where + ": type must be AdaptiveCard");
        }
        if (Json2.text(card, "version") == null) {
            throw ApiError.badArgument("Invalid Adaptive Card in " + where + ": version is required");
        }
        for (String list : new String[] {"body", "actions"}) {
            JsonNode n = card.get(list);
            if (n != null && !n.isNull() && !n.isArray()) {
                throw ApiError.badArgument("Invalid Adaptive Card in " + where + ": " + list + " must be an array");
            }
        }
    }
}

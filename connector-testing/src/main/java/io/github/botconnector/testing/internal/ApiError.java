package io.github.botconnector.testing.internal;

/** Thrown by handlers to answer with an error. */
final class ApiError extends RuntimeException {
    final transient Reply reply;

    ApiError(Reply reply) {
        super(reply.status + " " + reply.body, null, false, false);
        this.reply = reply;
    }

    static ApiError of(int status, String code, String message) {
        return new ApiError(Reply.error(status, code, message));
    }

    static ApiError badArgument(String message) {
        return of(400, "BadArgument", message);
    }

    static ApiError conversationNotFound() {
        return of(404, "ConversationNotFound", "Conversation not found.");
    }

    static ApiError notInRoster() {
        return of(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
    }
}

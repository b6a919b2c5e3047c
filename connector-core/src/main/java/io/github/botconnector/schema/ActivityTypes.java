package io.github.botconnector.schema;

/** Activity type values ({@link Activity#type()}). Plain strings, so values the SDK does not know still parse. */
public final class ActivityTypes {

    /** {@code message} */
    public static final String MESSAGE = "message";

    /** {@code contactRelationUpdate} */
    public static final String CONTACT_RELATION_UPDATE = "contactRelationUpdate";

    /** {@code conversationUpdate} */
    public static final String CONVERSATION_UPDATE = "conversationUpdate";

    /** {@code typing} */
    public static final String TYPING = "typing";

    /** {@code endOfConversation} */
    public static final String END_OF_CONVERSATION = "endOfConversation";

    /** {@code event} */
    public static final String EVENT = "event";

    /** {@code invoke} */
    public static final String INVOKE = "invoke";

    /** {@code invokeResponse} */
    public static final String INVOKE_RESPONSE = "invokeResponse";

    /** {@code deleteUserData} */
    public static final String DELETE_USER_DATA = "deleteUserData";

    /** {@code messageUpdate} */
    public static final String MESSAGE_UPDATE = "messageUpdate";

    /** {@code messageDelete} */
    public static final String MESSAGE_DELETE = "messageDelete";

    /** {@code installationUpdate} */
    public static final String INSTALLATION_UPDATE = "installationUpdate";

    /** {@code messageReaction} */
    public static final String MESSAGE_REACTION = "messageReaction";

    /** {@code suggestion} */
    public static final String SUGGESTION = "suggestion";

    /** {@code trace} */
    public static final String TRACE = "trace";

    /** {@code handoff} */
    public static final String HANDOFF = "handoff";

    /** {@code command} */
    public static final String COMMAND = "command";

    /** {@code commandResult} */
    public static final String COMMAND_RESULT = "commandResult";

    private ActivityTypes() {
    }
}

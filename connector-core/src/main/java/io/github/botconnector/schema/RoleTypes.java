package io.github.botconnector.schema;

/** Account role values ({@link ChannelAccount#role()}). Plain strings, so values the SDK does not know still parse. */
public final class RoleTypes {

    /** {@code user} */
    public static final String USER = "user";

    /** {@code bot} */
    public static final String BOT = "bot";

    /** {@code skill} */
    public static final String SKILL = "skill";

    private RoleTypes() {
    }
}

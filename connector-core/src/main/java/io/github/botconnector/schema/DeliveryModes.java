package io.github.botconnector.schema;

/** Delivery mode values ({@link Activity#deliveryMode()}). Plain strings, so values the SDK does not know still parse. */
public final class DeliveryModes {

    /** {@code normal} */
    public static final String NORMAL = "normal";

    /** {@code notification} */
    public static final String NOTIFICATION = "notification";

    /** {@code expectReplies} */
    public static final String EXPECT_REPLIES = "expectReplies";

    /** {@code ephemeral} */
    public static final String EPHEMERAL = "ephemeral";

    private DeliveryModes() {
    }
}

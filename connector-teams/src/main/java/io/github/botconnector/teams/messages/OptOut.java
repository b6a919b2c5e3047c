package io.github.botconnector.teams.messages;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import java.util.Map;
import java.util.Optional;

/**
 * The opt-out of a notification ("You must provide a path for users to opt out of more notifications"): a card button
 * whose data names a topic, and the check that an inbound activity is a click on such a button.
 *
 * <p>The button is an {@code Action.Submit} with data {@code {"action": "botconnector.optOut", "topic": "<topic>"}};
 * Teams posts it to the bot as a {@code message} activity whose {@code value} is that data. Record the opt-out when
 * {@link #topic(Activity)} answers, and stop sending that topic to the user.
 *
 * <pre>{@code
 * OptOut.topic(inbound).ifPresent(topic -> optOuts.record(inbound.from().id(), topic));
 * }</pre>
 */
public final class OptOut {

    /** The {@code action} value of the opt-out button's data. */
    public static final String ACTION = "botconnector.optOut";

    /** The longest topic accepted (topics are short identifiers such as {@code incidents}). */
    public static final int MAX_TOPIC_LENGTH = 100;

    private OptOut() {
    }

    /**
     * The opt-out button for {@code topic}.
     *
     * @param topic what the user stops receiving, for example {@code incidents}
     * @param title the button label, for example {@code Stop incident notifications}
     * @throws IllegalArgumentException if the topic or title is blank, or the topic is longer than
     *     {@value #MAX_TOPIC_LENGTH} characters
     */
    public static AdaptiveAction button(String topic, String title) {
        return AdaptiveAction.submit(title, CardJson.object("action", ACTION, "topic", requireTopic(topic)));
    }

    /**
     * The topic the user opted out of, when {@code activity} is a click on an {@link #button opt-out button}: a
     * {@code message} activity whose {@code value} has {@code action} {@value #ACTION} and a non-blank {@code topic}.
     * Anything else (other buttons, typed text such as "stop", invokes) is not an opt-out.
     */
    public static Optional<String> topic(Activity activity) {
        if (activity == null || !activity.isType(ActivityTypes.MESSAGE) || activity.value() == null) {
            return Optional.empty();
        }
        Map<?, ?> value;
        try {
            value = activity.value(Map.class);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (value == null || !ACTION.equals(value.get("action")) || !(value.get("topic") instanceof String topic)
                || topic.isBlank() || topic.length() > MAX_TOPIC_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(topic);
    }

    /** Whether {@code activity} is a click on an opt-out button (see {@link #topic(Activity)}). */
    public static boolean isOptOut(Activity activity) {
        return topic(activity).isPresent();
    }

    static String requireTopic(String topic) {
        CardJson.requireText(topic, "Opt-out topic");
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("Opt-out topic must be at most " + MAX_TOPIC_LENGTH
                    + " characters, got " + topic.length());
        }
        return topic;
    }
}

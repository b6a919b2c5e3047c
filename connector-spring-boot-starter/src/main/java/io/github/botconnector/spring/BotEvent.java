package io.github.botconnector.spring;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;

/**
 * An application event the inbound endpoint publishes for an authenticated activity. Listen with
 * {@code @EventListener}; events are delivered on the starter's event threads ({@code bot-connector-events-N}), after
 * Teams got its answer, so a listener may take its time.
 */
public interface BotEvent {

    /**
     * The activity, as Teams sent it.
     *
     * @return the activity
     */
    Activity activity();

    /**
     * The conversation to answer or message later (tenant filled in).
     *
     * @return the reference
     */
    ConversationReference reference();
}

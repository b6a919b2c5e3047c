package io.github.botconnector.teams.messages;

import io.github.botconnector.schema.ActionTypes;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.CardAction;
import io.github.botconnector.schema.SuggestedActions;
import java.util.ArrayList;
import java.util.List;

/**
 * Small messages Teams bots send besides cards: the typing indicator and a message with suggested actions.
 */
public final class TeamsMessages {

    private TeamsMessages() {
    }

    /**
     * A typing indicator ({@code type: typing}): Teams shows "... is typing" until the next message or a few seconds
     * pass. Send it through the normal send before a slow answer.
     */
    public static Activity typing() {
        return Activity.builder().type(ActivityTypes.TYPING).build();
    }

    /**
     * A text message with suggested actions: buttons under the message that post their text back to the bot when
     * clicked (type {@code imBack}), after which Teams removes them. Teams shows suggested actions in 1:1 chats and
     * group chats, not in channels; clients that cannot show them show only the text.
     *
     * @param text    the message text
     * @param choices the replies offered, for example {@code "Yes"}, {@code "No"}; at least one
     * @throws IllegalArgumentException if the text is blank, there is no choice or a choice is blank
     */
    public static Activity withSuggestedActions(String text, String... choices) {
        CardJson.requireText(text, "text");
        if (choices.length == 0) {
            throw new IllegalArgumentException("Suggested actions need at least one choice");
        }
        List<CardAction> actions = new ArrayList<>();
        for (String choice : choices) {
            CardJson.requireText(choice, "Suggested action");
            actions.add(CardAction.builder().type(ActionTypes.IM_BACK).title(choice).value(choice).build());
        }
        return Activity.builder()
                .type(ActivityTypes.MESSAGE)
                .text(text)
                .suggestedActions(SuggestedActions.builder().actions(actions).build())
                .build();
    }
}

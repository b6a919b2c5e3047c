/**
 * Messages people read, written to the Teams guidance for proactive messages: {@link
 * io.github.botconnector.teams.messages.WelcomeMessage} (why the user gets it, what the app offers, what to do next)
 * and {@link io.github.botconnector.teams.messages.NotificationMessage} (what happened, the result, who triggered it,
 * what to do, how to opt out), each an Adaptive Card with a plain-text fallback and a {@code summary};
 * {@link io.github.botconnector.teams.messages.OptOut} to recognise the opt-out click;
 * {@link io.github.botconnector.teams.messages.AdaptiveCard} for cards of version 1.5, the highest Teams renders; and
 * {@link io.github.botconnector.teams.messages.TeamsMessages} for the typing indicator and suggested actions.
 *
 * <p>Builders refuse a message that misses a part the guidance requires, naming the part, before anything is sent.
 */
package io.github.botconnector.teams.messages;

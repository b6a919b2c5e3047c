package io.github.botconnector.teams.messages;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.TeamInfo;
import io.github.botconnector.teams.TeamsActivities;
import io.github.botconnector.teams.TeamsChannelData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A welcome message written to the Teams guidance for proactive messages: why the user receives it (for example in
 * which team and channel the app was installed, and by whom), what the app offers, and what to do next. Every part is
 * required; {@link Builder#build()} names the one that is missing. A poor welcome makes users block the app.
 *
 * <pre>{@code
 * Activity welcome = WelcomeMessage.builder()
 *         .appName("Contoso Notifier")
 *         .installEvent(inbound)          // the conversationUpdate or installationUpdate: fills the reason
 *         .offer("It tells you when an incident in your area changes.")
 *         .nextStep("Reply **subscribe incidents** to get incident updates.")
 *         .build()
 *         .toActivity();
 * }</pre>
 *
 * <p>The message carries an Adaptive Card, a plain-text fallback (the card's {@code fallbackText}) and a
 * {@code summary} ({@code Welcome to <app>}) for the notification preview. Immutable.
 */
public final class WelcomeMessage {

    private final String appName;
    private final String reason;
    private final String offer;
    private final List<String> nextSteps;
    private final List<AdaptiveAction> actions;
    private final ChannelAccount installedBy;
    private final String teamName;
    private final String channelName;
    private final String summary;
    private final AdaptiveCard card;

    private WelcomeMessage(Builder b) {
        this.appName = b.appName;
        this.installedBy = b.installedBy;
        this.teamName = b.teamName;
        this.channelName = b.channelName;
        this.reason = b.reason != null ? b.reason : b.reasonFromEvent();
        this.offer = b.offer;
        this.nextSteps = List.copyOf(b.nextSteps);
        this.actions = List.copyOf(b.actions);
        this.summary = b.summary != null ? b.summary : "Welcome to " + appName;
        AdaptiveCard.Builder card = AdaptiveCard.builder()
                .heading("Welcome to " + appName)
                .text(reason)
                .text(offer)
                .text(nextStepsText())
                .fallbackText(plainText());
        actions.forEach(card::action);
        this.card = card.build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    private String nextStepsText() {
        if (nextSteps.size() == 1) {
            return "**Next:** " + nextSteps.get(0);
        }
        StringBuilder sb = new StringBuilder("**Next steps:**");
        for (String step : nextSteps) {
            sb.append("\n- ").append(step);
        }
        return sb.toString();
    }

    private String plainText() {
        StringBuilder sb = new StringBuilder("Welcome to ").append(appName).append("\n\n").append(reason)
                .append("\n\n").append(offer);
        for (String step : nextSteps) {
            sb.append("\n\n").append(step);
        }
        return sb.toString().replace("**", "");
    }

    /** The app's name, as users know it. */
    public String appName() {
        return appName;
    }

    /** Why the user receives the message. */
    public String reason() {
        return reason;
    }

    /** What the app offers. */
    public String offer() {
        return offer;
    }

    /** What to do next, in order. */
    public List<String> nextSteps() {
        return nextSteps;
    }

    /** Buttons shown under the text (for example a link to the app's help), possibly empty. */
    public List<AdaptiveAction> actions() {
        return actions;
    }

    /** Who installed the app, from the install event, or {@code null}. */
    public ChannelAccount installedBy() {
        return installedBy;
    }

    /** The team the app was installed in, from the install event, or {@code null}. */
    public String teamName() {
        return teamName;
    }

    /** The channel the app was installed in, from the install event, or {@code null}. */
    public String channelName() {
        return channelName;
    }

    /** The notification preview text. */
    public String summary() {
        return summary;
    }

    /** The Adaptive Card. */
    public AdaptiveCard card() {
        return card;
    }

    /** The message: type {@code message}, the summary and the card (with its plain-text fallback). */
    public Activity toActivity() {
        return Activity.builder()
                .type(ActivityTypes.MESSAGE)
                .summary(summary)
                .attachments(card.toAttachment())
                .build();
    }

    @Override
    public String toString() {
        return "WelcomeMessage[" + appName + ": " + reason + "]";
    }

    /** Builds a {@link WelcomeMessage}; not thread-safe. */
    public static final class Builder {

        private String appName;
        private String reason;
        private String offer;
        private final List<String> nextSteps = new ArrayList<>();
        private final List<AdaptiveAction> actions = new ArrayList<>();
        private boolean fromEvent;
        private String conversationType;
        private ChannelAccount installedBy;
        private String teamName;
        private String channelName;
        private String summary;

        private Builder() {
        }

        /** The app's name, as users know it (required). */
        public Builder appName(String appName) {
            this.appName = appName;
            return this;
        }

        /**
         * Why the user receives the message, for example {@code Megan's admin installed Contoso Notifier for you}
         * (required unless {@link #installEvent(Activity)} fills it).
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * Takes the context from the install event the bot received (a {@code conversationUpdate} with the bot in
         * {@code membersAdded}, or an {@code installationUpdate} with action {@code add}): the team, the channel and
         * who installed the app. The reason is written from it unless {@link #reason(String)} is set.
         *
         * @throws IllegalArgumentException if {@code event} is not an install event
         */
        public Builder installEvent(Activity event) {
            Objects.requireNonNull(event, "event");
            if (!TeamsActivities.isInstall(event)) {
                throw new IllegalArgumentException("Not an install event: expected a conversationUpdate with the bot in"
                        + " membersAdded or an installationUpdate with action add, got " + event.type()
                        + (event.action() == null ? "" : " (action " + event.action() + ")"));
            }
            this.fromEvent = true;
            this.conversationType = TeamsActivities.conversationType(event);
            ChannelAccount from = event.from();
            this.installedBy = from != null && from.id() != null ? from : null;
            TeamsChannelData data = TeamsActivities.teamsChannelData(event);
            TeamInfo team = data == null ? null : data.team();
            this.teamName = team == null ? null : team.name();
            this.channelName = channelName(event, data, team);
            return this;
        }

        /** The channel the app was installed in: {@code channelData.channel}, the selected channel, the conversation. */
        private static String channelName(Activity event, TeamsChannelData data, TeamInfo team) {
            String channelId = TeamsActivities.channelId(event);
            if (channelId == null && data != null && data.settings(Map.class) != null
                    && data.settings(Map.class).get("selectedChannel") instanceof Map<?, ?> selected
                    && selected.get("id") instanceof String id) {
                channelId = id;
            }
            if (channelId == null && TeamsActivities.isChannel(event)) {
                channelId = event.conversation().id();
            }
            if (channelId == null) {
                return null;
            }
            if (team != null && channelId.equals(team.id())) {
                return "General";
            }
            if (event.conversation() != null && channelId.equals(event.conversation().id())) {
                return event.conversation().name();
            }
            return null;
        }

        private String reasonFromEvent() {
            String by = installedBy != null && installedBy.name() != null ? " by " + installedBy.name() : "";
            if (TeamsActivities.CONVERSATION_TYPE_CHANNEL.equals(conversationType) || teamName != null) {
                String where = (teamName != null ? " to the team **" + teamName + "**" : " to this team")
                        + (channelName != null ? " (channel **" + channelName + "**)" : "");
                return appName + " was added" + where + by + ", so it can post here.";
            }
            if (TeamsActivities.CONVERSATION_TYPE_GROUP_CHAT.equals(conversationType)) {
                return appName + " was added to this chat" + by + ", so it can post here.";
            }
            return "You installed " + appName + " in Teams, so it can send you messages here.";
        }

        /** What the app offers: what it does and its value to the user (required). */
        public Builder offer(String offer) {
            this.offer = offer;
            return this;
        }

        /** What to do next, for example a command to try (at least one is required). */
        public Builder nextStep(String nextStep) {
            CardJson.requireText(nextStep, "nextStep");
            nextSteps.add(nextStep);
            return this;
        }

        /** A button under the text, for example {@code AdaptiveAction.openUrl("Help", url)}. */
        public Builder action(AdaptiveAction action) {
            actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** The notification preview text (default {@code Welcome to <app>}). */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /**
         * The welcome message.
         *
         * @throws IllegalStateException naming the first missing part: the app name, the reason (or install event),
         *     the offer or a next step
         */
        public WelcomeMessage build() {
            if (appName == null || appName.isBlank()) {
                throw new IllegalStateException("A welcome message needs appName: the app's name as users know it");
            }
            if ((reason == null || reason.isBlank()) && !fromEvent) {
                throw new IllegalStateException("A welcome message needs a reason: why the user receives it (call"
                        + " reason(...) or installEvent(activity) with the install event)");
            }
            if (offer == null || offer.isBlank()) {
                throw new IllegalStateException("A welcome message needs an offer: what the app does and its value"
                        + " (offer(\"It tells you when ...\"))");
            }
            if (nextSteps.isEmpty()) {
                throw new IllegalStateException("A welcome message needs a nextStep: what to do next, for example a"
                        + " command to try (nextStep(\"Reply help to see every command\"))");
            }
            return new WelcomeMessage(this);
        }
    }
}

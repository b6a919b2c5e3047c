package io.github.botconnector.teams.messages;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.TeamsActivities;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A notification written to the Teams guidance for proactive messages: what happened, what the result was (or what it
 * happened to), who or what triggered it, what the user can do about it, and how to opt out. Every part is required;
 * {@link Builder#build()} names the one that is missing.
 *
 * <pre>{@code
 * Activity message = NotificationMessage.builder()
 *         .whatHappened("Incident INC-2041 was resolved")
 *         .result("Service restored in Berlin")
 *         .triggeredBy("Nestor Wilke (on-call engineer)")
 *         .action(AdaptiveAction.openUrl("Open INC-2041", "https://contoso.example/incidents/INC-2041"))
 *         .optOut("incidents", "Stop incident notifications")
 *         .build()
 *         .toActivity();
 * }</pre>
 *
 * <p>The message carries an Adaptive Card (a heading, the facts, the buttons and the opt-out button last), a plain-text
 * fallback (the card's {@code fallbackText}) and a {@code summary} (the notification preview, by default what
 * happened). Recognise the opt-out click with {@link OptOut#topic(Activity)}. Immutable.
 */
public final class NotificationMessage {

    private final String whatHappened;
    private final String result;
    private final String triggeredBy;
    private final ChannelAccount triggeredByAccount;
    private final List<Fact> facts;
    private final List<AdaptiveAction> actions;
    private final String optOutTopic;
    private final String optOutTitle;
    private final String summary;
    private final boolean alert;
    private final AdaptiveCard card;

    private NotificationMessage(Builder b) {
        this.whatHappened = b.whatHappened;
        this.result = b.result;
        this.triggeredBy = b.triggeredBy;
        this.triggeredByAccount = b.triggeredByAccount;
        this.facts = List.copyOf(b.facts);
        this.actions = List.copyOf(b.actions);
        this.optOutTopic = b.optOutTopic;
        this.optOutTitle = b.optOutTitle;
        this.summary = b.summary != null ? b.summary : b.whatHappened;
        this.alert = b.alert;
        this.card = buildCard();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    private AdaptiveCard buildCard() {
        List<Fact> rows = new ArrayList<>();
        rows.add(Fact.of("Result", result));
        rows.add(Fact.of("Triggered by", triggeredBy));
        rows.addAll(facts);
        AdaptiveCard.Builder b = AdaptiveCard.builder()
                .heading(whatHappened)
                .facts(rows)
                .fallbackText(plainText());
        if (triggeredByAccount != null) {
            b.mention(triggeredByAccount);
        }
        actions.forEach(b::action);
        b.action(OptOut.button(optOutTopic, optOutTitle));
        return b.build();
    }

    private String plainText() {
        StringBuilder sb = new StringBuilder(whatHappened).append("\n\nResult: ").append(result)
                .append("\n\nTriggered by: ").append(triggeredByAccount != null ? displayName(triggeredByAccount) : triggeredBy);
        for (Fact f : facts) {
            sb.append("\n\n").append(f.title()).append(": ").append(f.value());
        }
        for (AdaptiveAction a : actions) {
            if (a.url() != null) {
                sb.append("\n\n").append(a.title()).append(": ").append(a.url());
            }
        }
        return sb.toString();
    }

    static String displayName(ChannelAccount account) {
        return account.name() != null ? account.name() : account.id();
    }

    /** What happened. */
    public String whatHappened() {
        return whatHappened;
    }

    /** The result, or the item it happened to. */
    public String result() {
        return result;
    }

    /** Who or what triggered it, as shown in the card (a mention's {@code <at>Name</at>} for an account). */
    public String triggeredBy() {
        return triggeredBy;
    }

    /** Further facts shown after the result and the trigger. */
    public List<Fact> facts() {
        return facts;
    }

    /** What the user can do in response: the buttons before the opt-out. */
    public List<AdaptiveAction> actions() {
        return actions;
    }

    /** The topic the opt-out button stops. */
    public String optOutTopic() {
        return optOutTopic;
    }

    /** The notification preview text. */
    public String summary() {
        return summary;
    }

    /** Whether the message raises an activity-feed alert. */
    public boolean alert() {
        return alert;
    }

    /** The Adaptive Card. */
    public AdaptiveCard card() {
        return card;
    }

    /** The message: type {@code message}, the summary, the card (with its plain-text fallback) and the alert if set. */
    public Activity toActivity() {
        Activity activity = Activity.builder()
                .type(ActivityTypes.MESSAGE)
                .summary(summary)
                .attachments(card.toAttachment())
                .build();
        return alert ? TeamsActivities.withAlert(activity) : activity;
    }

    @Override
    public String toString() {
        return "NotificationMessage[" + whatHappened + ", optOut=" + optOutTopic + "]";
    }

    /** Builds a {@link NotificationMessage}; not thread-safe. */
    public static final class Builder {

        private String whatHappened;
        private String result;
        private String triggeredBy;
        private ChannelAccount triggeredByAccount;
        private final List<Fact> facts = new ArrayList<>();
        private final List<AdaptiveAction> actions = new ArrayList<>();
        private String optOutTopic;
        private String optOutTitle;
        private String summary;
        private boolean alert;

        private Builder() {
        }

        /** What happened, for example {@code Incident INC-2041 was resolved} (required; the card's heading). */
        public Builder whatHappened(String whatHappened) {
            this.whatHappened = whatHappened;
            return this;
        }

        /** What the result was or what it happened to, for example {@code Service restored in Berlin} (required). */
        public Builder result(String result) {
            this.result = result;
            return this;
        }

        /** Who or what triggered it, for example {@code Nestor Wilke (on-call engineer)} or {@code Nightly build} (required). */
        public Builder triggeredBy(String triggeredBy) {
            this.triggeredBy = triggeredBy;
            this.triggeredByAccount = null;
            return this;
        }

        /** Who triggered it, as a mention of the person in the card (required unless {@link #triggeredBy(String)}). */
        public Builder triggeredBy(ChannelAccount person) {
            Objects.requireNonNull(person, "person");
            this.triggeredBy = AdaptiveCard.mentionText(person);
            this.triggeredByAccount = person;
            return this;
        }

        /** A further fact shown after the result and the trigger. */
        public Builder fact(String title, String value) {
            facts.add(Fact.of(title, value));
            return this;
        }

        /** What the user can do in response: a button (at least one is required). */
        public Builder action(AdaptiveAction action) {
            actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * How to opt out (required): a button that stops the notifications of {@code topic}.
         *
         * @param topic what the user stops receiving, for example {@code incidents}
         * @param title the button label, for example {@code Stop incident notifications}
         */
        public Builder optOut(String topic, String title) {
            this.optOutTopic = topic;
            this.optOutTitle = title;
            return this;
        }

        /** The notification preview text (default: what happened). */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** Whether to raise an activity-feed alert ({@code channelData.notification.alert}); default {@code false}. */
        public Builder alert(boolean alert) {
            this.alert = alert;
            return this;
        }

        /**
         * The notification.
         *
         * @throws IllegalStateException naming the first missing part: what happened, the result, who triggered it,
         *     an action or the opt-out
         * @throws IllegalArgumentException if a part is invalid (for example an opt-out topic that is too long)
         */
        public NotificationMessage build() {
            require(whatHappened, "whatHappened", "what happened (whatHappened(\"Incident INC-2041 was resolved\"))");
            require(result, "result", "what the result was or what it happened to (result(\"Service restored\"))");
            require(triggeredBy, "triggeredBy", "who or what triggered it (triggeredBy(\"Nestor Wilke\") or a person)");
            if (actions.isEmpty()) {
                throw new IllegalStateException("A notification needs an action: what the user can do in response (the"
                        + " Teams guidance: make common actions easy), e.g. action(AdaptiveAction.openUrl(\"Open\", url))");
            }
            if (optOutTopic == null || optOutTopic.isBlank() || optOutTitle == null || optOutTitle.isBlank()) {
                throw new IllegalStateException("A notification needs an opt-out: Teams requires a path for users to opt"
                        + " out of more notifications; call optOut(topic, buttonTitle)");
            }
            OptOut.requireTopic(optOutTopic);
            return new NotificationMessage(this);
        }

        private static void require(String value, String part, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("A notification needs " + part + ": " + what);
            }
        }
    }
}

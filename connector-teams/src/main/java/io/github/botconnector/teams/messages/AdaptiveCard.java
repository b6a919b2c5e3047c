package io.github.botconnector.teams.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.botconnector.schema.Attachment;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Adaptive Card for Teams: text blocks, fact sets, images, columns, buttons ({@code Action.OpenUrl},
 * {@code Action.Submit}, {@code Action.Execute}) and mentions, written as schema-valid JSON of version
 * {@value #VERSION}, the highest version Teams renders.
 *
 * <pre>{@code
 * AdaptiveCard card = AdaptiveCard.builder()
 *         .heading("Incident INC-2041 was resolved")
 *         .facts(Fact.of("Result", "Service restored"), Fact.of("Resolved by", AdaptiveCard.mentionText(nestor)))
 *         .mention(nestor)
 *         .openUrl("Open INC-2041", "https://contoso.example/incidents/INC-2041")
 *         .build();
 * Activity message = Activity.builder().type("message").attachments(card.toAttachment()).build();
 * }</pre>
 *
 * <p>Cards written by hand stay welcome: {@link #attachment(String)} wraps raw JSON after a minimal check, and
 * {@code Attachment.of(AdaptiveCard.CONTENT_TYPE, content)} takes any map or object. A message, card included, must
 * stay under Teams' size limit of about 100 KB. Immutable and thread-safe.
 */
public final class AdaptiveCard {

    /** The attachment content type of Adaptive Cards. */
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

    /** The card version written by default: the highest Teams renders (Universal Actions need 1.4 or later). */
    public static final String VERSION = "1.5";

    /** The value of the card's {@code $schema} member. */
    public static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> VERSIONS = List.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5");

    private final String version;
    private final String fallbackText;
    private final List<CardElement> body;
    private final List<AdaptiveAction> actions;
    private final List<ChannelAccount> mentions;
    private final Map<String, Object> content;

    private AdaptiveCard(Builder b) {
        this.version = b.version;
        this.fallbackText = b.fallbackText;
        this.body = List.copyOf(b.body);
        this.actions = List.copyOf(b.actions);
        this.mentions = List.copyOf(b.mentions);
        List<Object> bodyJson = new ArrayList<>();
        body.forEach(e -> bodyJson.add(e.toJson()));
        List<Object> actionJson = new ArrayList<>();
        actions.forEach(a -> actionJson.add(a.toJson()));
        List<Object> entities = new ArrayList<>();
        for (ChannelAccount account : mentions) {
            entities.add(CardJson.object("type", Mention.TYPE, "text", mentionText(account), "mentioned",
                    CardJson.object("id", account.id(), "name", account.name())));
        }
        this.content = CardJson.object(
                "type", "AdaptiveCard",
                "$schema", SCHEMA,
                "version", version,
                "fallbackText", fallbackText,
                "body", bodyJson.isEmpty() ? null : List.copyOf(bodyJson),
                "actions", actionJson.isEmpty() ? null : List.copyOf(actionJson),
                // Teams reads mentions in cards from its own "msteams" member (not part of the Adaptive Card schema).
                "msteams", entities.isEmpty() ? null : CardJson.object("entities", List.copyOf(entities)));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The text that mentions {@code account} in a card ({@code <at>Name</at>}, the name XML-escaped): put it in a text
     * block or fact and register the account with {@link Builder#mention(ChannelAccount)}.
     */
    public static String mentionText(ChannelAccount account) {
        Objects.requireNonNull(account, "account");
        CardJson.requireText(account.id(), "The mentioned account's id (29:...)");
        return Mention.of(account).text();
    }

    /**
     * An attachment for a card written as raw JSON (for example from the Adaptive Card designer). Checked before any
     * I/O: well-formed JSON, an object of type {@code AdaptiveCard} with a {@code version} Teams renders.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Attachment attachment(String json) {
        CardJson.requireText(json, "Adaptive Card JSON");
        Map<String, Object> card;
        try {
            card = MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The Adaptive Card is not well-formed JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (card == null || !"AdaptiveCard".equals(card.get("type"))) {
            throw new IllegalArgumentException("The Adaptive Card JSON must be an object with \"type\": \"AdaptiveCard\"");
        }
        Object v = card.get("version");
        if (!(v instanceof String s) || !VERSIONS.contains(s)) {
            throw new IllegalArgumentException("The Adaptive Card needs a \"version\" Teams renders (1.0 to " + VERSION
                    + "), got " + v);
        }
        return Attachment.of(CONTENT_TYPE, card);
    }

    /** The card version ({@value #VERSION} unless set lower). */
    public String version() {
        return version;
    }

    /** Text that clients unable to render the card's version show instead, or {@code null}. */
    public String fallbackText() {
        return fallbackText;
    }

    /** The body elements, in order. */
    public List<CardElement> body() {
        return body;
    }

    /** The buttons at the bottom of the card, in order. */
    public List<AdaptiveAction> actions() {
        return actions;
    }

    /** The accounts mentioned in the card. */
    public List<ChannelAccount> mentions() {
        return mentions;
    }

    /** The card as nested unmodifiable maps and lists, ready for {@code Attachment.of}. */
    public Map<String, Object> content() {
        return content;
    }

    /** The card as an attachment of type {@link #CONTENT_TYPE}. */
    public Attachment toAttachment() {
        return Attachment.of(CONTENT_TYPE, content);
    }

    /** The card's JSON. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An Adaptive Card could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdaptiveCard other && content.equals(other.content);
    }

    @Override
    public int hashCode() {
        return content.hashCode();
    }

    @Override
    public String toString() {
        return "AdaptiveCard[version=" + version + ", body=" + body.size() + " elements, actions=" + actions.size()
                + ", mentions=" + mentions.size() + "]";
    }

    /** Builds an {@link AdaptiveCard}; not thread-safe. */
    public static final class Builder {

        private String version = VERSION;
        private String fallbackText;
        private final List<CardElement> body = new ArrayList<>();
        private final List<AdaptiveAction> actions = new ArrayList<>();
        private final List<ChannelAccount> mentions = new ArrayList<>();

        private Builder() {
        }

        /** Adds a body element. */
        public Builder add(CardElement element) {
            body.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        /** Adds a heading ({@link CardElement#heading(String)}). */
        public Builder heading(String text) {
            return add(CardElement.heading(text));
        }

        /** Adds a text block ({@link CardElement#text(String)}). */
        public Builder text(String text) {
            return add(CardElement.text(text));
        }

        /** Adds a fact set ({@link CardElement#facts(Fact...)}). */
        public Builder facts(Fact... facts) {
            return add(CardElement.facts(facts));
        }

        /** Adds a fact set ({@link CardElement#facts(List)}). */
        public Builder facts(List<Fact> facts) {
            return add(CardElement.facts(facts));
        }

        /** Adds an image ({@link CardElement#image(String, String)}). */
        public Builder image(String url, String altText) {
            return add(CardElement.image(url, altText));
        }

        /** Adds columns side by side ({@link CardElement#columns(Column...)}). */
        public Builder columns(Column... columns) {
            return add(CardElement.columns(columns));
        }

        /** Adds a button at the bottom of the card. */
        public Builder action(AdaptiveAction action) {
            actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** Adds a button that opens a URL ({@link AdaptiveAction#openUrl(String, String)}). */
        public Builder openUrl(String title, String url) {
            return action(AdaptiveAction.openUrl(title, url));
        }

        /** Adds a button that sends data to the bot ({@link AdaptiveAction#submit(String, Map)}). */
        public Builder submit(String title, Map<String, ?> data) {
            return action(AdaptiveAction.submit(title, data));
        }

        /** Adds a Universal Action button ({@link AdaptiveAction#execute(String, String, Map)}). */
        public Builder execute(String title, String verb, Map<String, ?> data) {
            return action(AdaptiveAction.execute(title, verb, data));
        }

        /**
         * Registers a mention of {@code account}: Teams turns the card's {@link AdaptiveCard#mentionText} text of the
         * account into a mention (and notifies the person).
         *
         * @throws IllegalArgumentException if the account has no id
         */
        public Builder mention(ChannelAccount account) {
            mentionText(account);
            mentions.add(account);
            return this;
        }

        /** Text shown by clients that cannot render the card's version. */
        public Builder fallbackText(String fallbackText) {
            this.fallbackText = fallbackText;
            return this;
        }

        /**
         * The card version, {@code 1.0} to {@value #VERSION} (default {@value #VERSION}).
         *
         * @throws IllegalArgumentException for another version: Teams renders {@value #VERSION} and earlier
         */
        public Builder version(String version) {
            if (!VERSIONS.contains(version)) {
                throw new IllegalArgumentException("Adaptive Card version must be one of " + VERSIONS + " (Teams renders "
                        + VERSION + " and earlier), got " + version);
            }
            this.version = version;
            return this;
        }

        /**
         * The card.
         *
         * @throws IllegalStateException if the card has neither body nor buttons, if a mentioned account's text is in no
         *     text block or fact (Teams would ignore the mention), or if it uses {@code Action.Execute} below version 1.4
         */
        public AdaptiveCard build() {
            if (body.isEmpty() && actions.isEmpty()) {
                throw new IllegalStateException("An Adaptive Card needs body elements or actions: add text, facts, an"
                        + " image, columns or a button");
            }
            List<String> texts = new ArrayList<>();
            body.forEach(e -> texts.addAll(e.texts()));
            for (ChannelAccount account : mentions) {
                String mention = mentionText(account);
                if (texts.stream().noneMatch(t -> t.contains(mention))) {
                    throw new IllegalStateException("The card mentions " + account.id() + " but no text block or fact"
                            + " contains " + mention + ": put AdaptiveCard.mentionText(account) in the text, or Teams"
                            + " ignores the mention");
                }
            }
            if (version.compareTo("1.4") < 0 && hasExecute()) {
                throw new IllegalStateException("Action.Execute needs card version 1.4 or later; this card is version "
                        + version);
            }
            return new AdaptiveCard(this);
        }

        private boolean hasExecute() {
            return actions.stream().anyMatch(a -> AdaptiveAction.EXECUTE.equals(a.type()))
                    || body.stream().anyMatch(e -> e.actionTypes().contains(AdaptiveAction.EXECUTE));
        }
    }
}

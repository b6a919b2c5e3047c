package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Values;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Bot Framework activity: a message, a conversation update, an event, ... Every field of the Bot Framework
 * schema is typed; members the schema does not know (Teams adds some) are kept in {@link #properties()}, and
 * {@code channelData} is kept as a JSON tree read with {@link #channelData(Class)}. Activity types are plain
 * strings ({@link ActivityTypes}) so new types never fail to parse.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = Activity.Builder.class)
public final class Activity extends JsonModel {

    private final String type;
    private final String id;
    private final OffsetDateTime timestamp;
    private final OffsetDateTime localTimestamp;
    private final String localTimezone;
    private final String callerId;
    private final String serviceUrl;
    private final String channelId;
    private final ChannelAccount from;
    private final ConversationAccount conversation;
    private final ChannelAccount recipient;
    private final String textFormat;
    private final String attachmentLayout;
    private final List<ChannelAccount> membersAdded;
    private final List<ChannelAccount> membersRemoved;
    private final List<MessageReaction> reactionsAdded;
    private final List<MessageReaction> reactionsRemoved;
    private final String topicName;
    private final Boolean historyDisclosed;
    private final String locale;
    private final String text;
    private final String speak;
    private final String inputHint;
    private final String summary;
    private final SuggestedActions suggestedActions;
    private final List<Attachment> attachments;
    private final List<Entity> entities;
    private final Object channelData;
    private final String action;
    private final String replyToId;
    private final String label;
    private final String valueType;
    private final Object value;
    private final String name;
    private final ConversationReference relatesTo;
    private final String code;
    private final OffsetDateTime expiration;
    private final String importance;
    private final String deliveryMode;
    private final List<String> listenFor;
    private final List<TextHighlight> textHighlights;
    private final SemanticAction semanticAction;

    private Activity(Builder builder) {
        super(builder);
        this.type = builder.type;
        this.id = builder.id;
        this.timestamp = builder.timestamp;
        this.localTimestamp = builder.localTimestamp;
        this.localTimezone = builder.localTimezone;
        this.callerId = builder.callerId;
        this.serviceUrl = builder.serviceUrl;
        this.channelId = builder.channelId;
        this.from = builder.from;
        this.conversation = builder.conversation;
        this.recipient = builder.recipient;
        this.textFormat = builder.textFormat;
        this.attachmentLayout = builder.attachmentLayout;
        this.membersAdded = copyOf(builder.membersAdded);
        this.membersRemoved = copyOf(builder.membersRemoved);
        this.reactionsAdded = copyOf(builder.reactionsAdded);
        this.reactionsRemoved = copyOf(builder.reactionsRemoved);
        this.topicName = builder.topicName;
        this.historyDisclosed = builder.historyDisclosed;
        this.locale = builder.locale;
        this.text = builder.text;
        this.speak = builder.speak;
        this.inputHint = builder.inputHint;
        this.summary = builder.summary;
        this.suggestedActions = builder.suggestedActions;
        this.attachments = copyOf(builder.attachments);
        this.entities = copyOf(builder.entities);
        this.channelData = freeze(builder.channelData);
        this.action = builder.action;
        this.replyToId = builder.replyToId;
        this.label = builder.label;
        this.valueType = builder.valueType;
        this.value = freeze(builder.value);
        this.name = builder.name;
        this.relatesTo = builder.relatesTo;
        this.code = builder.code;
        this.expiration = builder.expiration;
        this.importance = builder.importance;
        this.deliveryMode = builder.deliveryMode;
        this.listenFor = copyOf(builder.listenFor);
        this.textHighlights = copyOf(builder.textHighlights);
        this.semanticAction = builder.semanticAction;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with this object's values, unknown members included. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads an activity from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static Activity fromJson(String json) {
        return parse(json, Activity.class);
    }

    /** Activity type, see {@link ActivityTypes}. */
    public String type() {
        return type;
    }

    /** Id of the activity (Teams: numeric string for messages, {@code f:...} for events). */
    public String id() {
        return id;
    }

    /** When the activity was sent, in UTC (read with or without fractional seconds). */
    public OffsetDateTime timestamp() {
        return timestamp;
    }

    /** When the activity was sent, in the sender's local time; keeps its offset. */
    public OffsetDateTime localTimestamp() {
        return localTimestamp;
    }

    /** IANA time zone of the sender, for example {@code Europe/Berlin}. */
    public String localTimezone() {
        return localTimezone;
    }

    /** IRI of the caller (skills, sovereign clouds). */
    public String callerId() {
        return callerId;
    }

    /** Base URL of the Bot Connector service that sent the activity; where replies go. */
    public String serviceUrl() {
        return serviceUrl;
    }

    /** Channel id, {@code msteams} for Teams. */
    public String channelId() {
        return channelId;
    }

    /** Sender. */
    public ChannelAccount from() {
        return from;
    }

    /** Conversation the activity belongs to. */
    public ConversationAccount conversation() {
        return conversation;
    }

    /** Recipient. */
    public ChannelAccount recipient() {
        return recipient;
    }

    /** Format of {@code text}: {@code markdown}, {@code plain} or {@code xml} ({@link TextFormatTypes}). */
    public String textFormat() {
        return textFormat;
    }

    /** Layout of several attachments: {@code list} or {@code carousel}. */
    public String attachmentLayout() {
        return attachmentLayout;
    }

    /** Members added to the conversation (conversationUpdate). */
    public List<ChannelAccount> membersAdded() {
        return orEmpty(membersAdded);
    }

    /** Members removed from the conversation (conversationUpdate). */
    public List<ChannelAccount> membersRemoved() {
        return orEmpty(membersRemoved);
    }

    /** Reactions added (messageReaction). */
    public List<MessageReaction> reactionsAdded() {
        return orEmpty(reactionsAdded);
    }

    /** Reactions removed (messageReaction). */
    public List<MessageReaction> reactionsRemoved() {
        return orEmpty(reactionsRemoved);
    }

    /** Updated topic name of the conversation. */
    public String topicName() {
        return topicName;
    }

    /** Whether the prior history of the conversation is disclosed. */
    public Boolean historyDisclosed() {
        return historyDisclosed;
    }

    /** Locale of the activity, for example {@code en-US}. */
    public String locale() {
        return locale;
    }

    /** Text of a message. */
    public String text() {
        return text;
    }

    /** Text to speak (SSML). */
    public String speak() {
        return speak;
    }

    /** Whether the bot is expecting input ({@link InputHints}). */
    public String inputHint() {
        return inputHint;
    }

    /** Text to show when the channel cannot render cards; Teams uses it as notification text. */
    public String summary() {
        return summary;
    }

    /** Suggested quick replies. */
    public SuggestedActions suggestedActions() {
        return suggestedActions;
    }

    /** Attachments (cards, files). */
    public List<Attachment> attachments() {
        return orEmpty(attachments);
    }

    /** Entities (mentions, client info, ...). */
    public List<Entity> entities() {
        return orEmpty(entities);
    }

    /** Channel-specific content as a JSON tree (Teams: tenant, team, channel, notification, ...). */
    public Object channelData() {
        return channelData;
    }

    /**
     * {@code channelData} converted to {@code type} (a model class, {@code Map}, or any Jackson-readable class).
     *
     * @return the converted value, or {@code null} when absent
     * @throws JsonFormatException if the value does not fit the type
     */
    public <T> T channelData(Class<T> type) {
        return convert(channelData, type);
    }

    /** Action of a contactRelationUpdate or installationUpdate ({@code add}, {@code remove}, ...). */
    public String action() {
        return action;
    }

    /** Id of the activity this one replies to. */
    public String replyToId() {
        return replyToId;
    }

    /** Descriptive label (trace activities). */
    public String label() {
        return label;
    }

    /** Type of {@code value} (trace activities). */
    public String valueType() {
        return valueType;
    }

    /** Value of an event, invoke or trace activity (any JSON). */
    public Object value() {
        return value;
    }

    /**
     * {@code value} converted to {@code type} (a model class, {@code Map}, or any Jackson-readable class).
     *
     * @return the converted value, or {@code null} when absent
     * @throws JsonFormatException if the value does not fit the type
     */
    public <T> T value(Class<T> type) {
        return convert(value, type);
    }

    /** Name of an event or invoke activity. */
    public String name() {
        return name;
    }

    /** Reference to another conversation or activity. */
    public ConversationReference relatesTo() {
        return relatesTo;
    }

    /** Code of an endOfConversation activity ({@link EndOfConversationCodes}). */
    public String code() {
        return code;
    }

    /** When the activity should be considered expired. */
    public OffsetDateTime expiration() {
        return expiration;
    }

    /** Importance: {@code low}, {@code normal} or {@code high}. */
    public String importance() {
        return importance;
    }

    /** Delivery mode ({@link DeliveryModes}). */
    public String deliveryMode() {
        return deliveryMode;
    }

    /** Phrases a speech recognizer should listen for. */
    public List<String> listenFor() {
        return orEmpty(listenFor);
    }

    /** Parts of a referenced text to highlight. */
    public List<TextHighlight> textHighlights() {
        return orEmpty(textHighlights);
    }

    /** Programmatic action carried by the activity. */
    public SemanticAction semanticAction() {
        return semanticAction;
    }

    /** A message activity with the given text. */
    public static Activity message(String text) {
        return builder().type(ActivityTypes.MESSAGE).text(text).build();
    }

    /** Whether {@link #type()} is {@code type}, ignoring case. */
    public boolean isType(String type) {
        return this.type != null && this.type.equalsIgnoreCase(type);
    }

    /**
     * The reference to store for proactive messages later: the user ({@code from}), the bot ({@code recipient}), the
     * conversation (with its tenant id), the channel id, the locale and the service URL of this inbound activity.
     * Take it only from an activity whose JWT was validated.
     */
    public ConversationReference conversationReference() {
        return ConversationReference.builder()
                .activityId(id)
                .user(from)
                .bot(recipient)
                .conversation(conversation)
                .channelId(channelId)
                .locale(locale)
                .serviceUrl(serviceUrl)
                .build();
    }

    /**
     * A message replying to this activity: addressed from its recipient to its sender, in the same conversation,
     * with {@code replyToId} set to this activity's id.
     */
    public Activity createReply(String text) {
        return builder()
                .type(ActivityTypes.MESSAGE)
                .text(text)
                .from(recipient == null ? null : ChannelAccount.builder().id(recipient.id()).name(recipient.name()).build())
                .recipient(from == null ? null : ChannelAccount.builder().id(from.id()).name(from.name()).build())
                .conversation(conversation)
                .replyToId(id)
                .serviceUrl(serviceUrl)
                .channelId(channelId)
                .locale(locale)
                .build();
    }

    /** The {@code mention} entities of this activity, typed. */
    public List<Mention> mentions() {
        if (entities == null) {
            return List.of();
        }
        List<Mention> mentions = new ArrayList<>();
        for (Entity entity : entities) {
            if (entity != null && entity.isMention()) {
                mentions.add(Mention.from(entity));
            }
        }
        return List.copyOf(mentions);
    }

    @Override
    protected Object[] values() {
        return new Object[] {
                type, id, timestamp, localTimestamp, localTimezone, callerId, serviceUrl, channelId, from,
                conversation, recipient, textFormat, attachmentLayout, membersAdded, membersRemoved, reactionsAdded,
                reactionsRemoved, topicName, historyDisclosed, locale, text, speak, inputHint, summary,
                suggestedActions, attachments, entities, channelData, action, replyToId, label, valueType, value, name,
                relatesTo, code, expiration, importance, deliveryMode, listenFor, textHighlights, semanticAction};
    }

    /** Builder for {@link Activity}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String type;
        private String id;
        private OffsetDateTime timestamp;
        private OffsetDateTime localTimestamp;
        private String localTimezone;
        private String callerId;
        private String serviceUrl;
        private String channelId;
        private ChannelAccount from;
        private ConversationAccount conversation;
        private ChannelAccount recipient;
        private String textFormat;
        private String attachmentLayout;
        private List<ChannelAccount> membersAdded;
        private List<ChannelAccount> membersRemoved;
        private List<MessageReaction> reactionsAdded;
        private List<MessageReaction> reactionsRemoved;
        private String topicName;
        private Boolean historyDisclosed;
        private String locale;
        private String text;
        private String speak;
        private String inputHint;
        private String summary;
        private SuggestedActions suggestedActions;
        private List<Attachment> attachments;
        private List<Entity> entities;
        private Object channelData;
        private String action;
        private String replyToId;
        private String label;
        private String valueType;
        private Object value;
        private String name;
        private ConversationReference relatesTo;
        private String code;
        private OffsetDateTime expiration;
        private String importance;
        private String deliveryMode;
        private List<String> listenFor;
        private List<TextHighlight> textHighlights;
        private SemanticAction semanticAction;

        private Builder() {
        }

        private Builder(Activity source) {
            super(source);
            this.type = source.type;
            this.id = source.id;
            this.timestamp = source.timestamp;
            this.localTimestamp = source.localTimestamp;
            this.localTimezone = source.localTimezone;
            this.callerId = source.callerId;
            this.serviceUrl = source.serviceUrl;
            this.channelId = source.channelId;
            this.from = source.from;
            this.conversation = source.conversation;
            this.recipient = source.recipient;
            this.textFormat = source.textFormat;
            this.attachmentLayout = source.attachmentLayout;
            this.membersAdded = source.membersAdded;
            this.membersRemoved = source.membersRemoved;
            this.reactionsAdded = source.reactionsAdded;
            this.reactionsRemoved = source.reactionsRemoved;
            this.topicName = source.topicName;
            this.historyDisclosed = source.historyDisclosed;
            this.locale = source.locale;
            this.text = source.text;
            this.speak = source.speak;
            this.inputHint = source.inputHint;
            this.summary = source.summary;
            this.suggestedActions = source.suggestedActions;
            this.attachments = source.attachments;
            this.entities = source.entities;
            this.channelData = source.channelData;
            this.action = source.action;
            this.replyToId = source.replyToId;
            this.label = source.label;
            this.valueType = source.valueType;
            this.value = source.value;
            this.name = source.name;
            this.relatesTo = source.relatesTo;
            this.code = source.code;
            this.expiration = source.expiration;
            this.importance = source.importance;
            this.deliveryMode = source.deliveryMode;
            this.listenFor = source.listenFor;
            this.textHighlights = source.textHighlights;
            this.semanticAction = source.semanticAction;
        }

        /** Activity type, see {@link ActivityTypes}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Id of the activity (Teams: numeric string for messages, {@code f:...} for events). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** When the activity was sent, in UTC (read with or without fractional seconds). */
        public Builder timestamp(OffsetDateTime timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /** When the activity was sent, in the sender's local time; keeps its offset. */
        public Builder localTimestamp(OffsetDateTime localTimestamp) {
            this.localTimestamp = localTimestamp;
            return this;
        }

        /** IANA time zone of the sender, for example {@code Europe/Berlin}. */
        public Builder localTimezone(String localTimezone) {
            this.localTimezone = localTimezone;
            return this;
        }

        /** IRI of the caller (skills, sovereign clouds). */
        public Builder callerId(String callerId) {
            this.callerId = callerId;
            return this;
        }

        /** Base URL of the Bot Connector service that sent the activity; where replies go. */
        public Builder serviceUrl(String serviceUrl) {
            this.serviceUrl = serviceUrl;
            return this;
        }

        /** Channel id, {@code msteams} for Teams. */
        public Builder channelId(String channelId) {
            this.channelId = channelId;
            return this;
        }

        /** Sender. */
        public Builder from(ChannelAccount from) {
            this.from = from;
            return this;
        }

        /** Conversation the activity belongs to. */
        public Builder conversation(ConversationAccount conversation) {
            this.conversation = conversation;
            return this;
        }

        /** Recipient. */
        public Builder recipient(ChannelAccount recipient) {
            this.recipient = recipient;
            return this;
        }

        /** Format of {@code text}: {@code markdown}, {@code plain} or {@code xml} ({@link TextFormatTypes}). */
        public Builder textFormat(String textFormat) {
            this.textFormat = textFormat;
            return this;
        }

        /** Layout of several attachments: {@code list} or {@code carousel}. */
        public Builder attachmentLayout(String attachmentLayout) {
            this.attachmentLayout = attachmentLayout;
            return this;
        }

        /** Members added to the conversation (conversationUpdate). */
        public Builder membersAdded(List<ChannelAccount> membersAdded) {
            this.membersAdded = Values.list(membersAdded);
            return this;
        }

        /** Members added to the conversation (conversationUpdate). */
        public Builder membersAdded(ChannelAccount... membersAdded) {
            this.membersAdded = Values.list(membersAdded);
            return this;
        }

        /** Members removed from the conversation (conversationUpdate). */
        public Builder membersRemoved(List<ChannelAccount> membersRemoved) {
            this.membersRemoved = Values.list(membersRemoved);
            return this;
        }

        /** Members removed from the conversation (conversationUpdate). */
        public Builder membersRemoved(ChannelAccount... membersRemoved) {
            this.membersRemoved = Values.list(membersRemoved);
            return this;
        }

        /** Reactions added (messageReaction). */
        public Builder reactionsAdded(List<MessageReaction> reactionsAdded) {
            this.reactionsAdded = Values.list(reactionsAdded);
            return this;
        }

        /** Reactions added (messageReaction). */
        public Builder reactionsAdded(MessageReaction... reactionsAdded) {
            this.reactionsAdded = Values.list(reactionsAdded);
            return this;
        }

        /** Reactions removed (messageReaction). */
        public Builder reactionsRemoved(List<MessageReaction> reactionsRemoved) {
            this.reactionsRemoved = Values.list(reactionsRemoved);
            return this;
        }

        /** Reactions removed (messageReaction). */
        public Builder reactionsRemoved(MessageReaction... reactionsRemoved) {
            this.reactionsRemoved = Values.list(reactionsRemoved);
            return this;
        }

        /** Updated topic name of the conversation. */
        public Builder topicName(String topicName) {
            this.topicName = topicName;
            return this;
        }

        /** Whether the prior history of the conversation is disclosed. */
        public Builder historyDisclosed(Boolean historyDisclosed) {
            this.historyDisclosed = historyDisclosed;
            return this;
        }

        /** Locale of the activity, for example {@code en-US}. */
        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        /** Text of a message. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Text to speak (SSML). */
        public Builder speak(String speak) {
            this.speak = speak;
            return this;
        }

        /** Whether the bot is expecting input ({@link InputHints}). */
        public Builder inputHint(String inputHint) {
            this.inputHint = inputHint;
            return this;
        }

        /** Text to show when the channel cannot render cards; Teams uses it as notification text. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** Suggested quick replies. */
        public Builder suggestedActions(SuggestedActions suggestedActions) {
            this.suggestedActions = suggestedActions;
            return this;
        }

        /** Attachments (cards, files). */
        public Builder attachments(List<Attachment> attachments) {
            this.attachments = Values.list(attachments);
            return this;
        }

        /** Attachments (cards, files). */
        public Builder attachments(Attachment... attachments) {
            this.attachments = Values.list(attachments);
            return this;
        }

        /** Entities (mentions, client info, ...). */
        public Builder entities(List<Entity> entities) {
            this.entities = Values.list(entities);
            return this;
        }

        /** Entities (mentions, client info, ...). */
        public Builder entities(Entity... entities) {
            this.entities = Values.list(entities);
            return this;
        }

        /** Channel-specific content as a JSON tree (Teams: tenant, team, channel, notification, ...). */
        public Builder channelData(Object channelData) {
            this.channelData = channelData;
            return this;
        }

        /** Action of a contactRelationUpdate or installationUpdate ({@code add}, {@code remove}, ...). */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /** Id of the activity this one replies to. */
        public Builder replyToId(String replyToId) {
            this.replyToId = replyToId;
            return this;
        }

        /** Descriptive label (trace activities). */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Type of {@code value} (trace activities). */
        public Builder valueType(String valueType) {
            this.valueType = valueType;
            return this;
        }

        /** Value of an event, invoke or trace activity (any JSON). */
        public Builder value(Object value) {
            this.value = value;
            return this;
        }

        /** Name of an event or invoke activity. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Reference to another conversation or activity. */
        public Builder relatesTo(ConversationReference relatesTo) {
            this.relatesTo = relatesTo;
            return this;
        }

        /** Code of an endOfConversation activity ({@link EndOfConversationCodes}). */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** When the activity should be considered expired. */
        public Builder expiration(OffsetDateTime expiration) {
            this.expiration = expiration;
            return this;
        }

        /** Importance: {@code low}, {@code normal} or {@code high}. */
        public Builder importance(String importance) {
            this.importance = importance;
            return this;
        }

        /** Delivery mode ({@link DeliveryModes}). */
        public Builder deliveryMode(String deliveryMode) {
            this.deliveryMode = deliveryMode;
            return this;
        }

        /** Phrases a speech recognizer should listen for. */
        public Builder listenFor(List<String> listenFor) {
            this.listenFor = Values.list(listenFor);
            return this;
        }

        /** Phrases a speech recognizer should listen for. */
        public Builder listenFor(String... listenFor) {
            this.listenFor = Values.list(listenFor);
            return this;
        }

        /** Parts of a referenced text to highlight. */
        public Builder textHighlights(List<TextHighlight> textHighlights) {
            this.textHighlights = Values.list(textHighlights);
            return this;
        }

        /** Parts of a referenced text to highlight. */
        public Builder textHighlights(TextHighlight... textHighlights) {
            this.textHighlights = Values.list(textHighlights);
            return this;
        }

        /** Programmatic action carried by the activity. */
        public Builder semanticAction(SemanticAction semanticAction) {
            this.semanticAction = semanticAction;
            return this;
        }

        /** Adds one entity (for example {@code Mention.of(user).toEntity()}). */
        public Builder addEntity(Entity entity) {
            entities = Values.appendable(entities);
            entities.add(entity);
            return this;
        }

        /** Adds one attachment. */
        public Builder addAttachment(Attachment attachment) {
            attachments = Values.appendable(attachments);
            attachments.add(attachment);
            return this;
        }

        /** The immutable Activity. */
        public Activity build() {
            return new Activity(this);
        }
    }
}

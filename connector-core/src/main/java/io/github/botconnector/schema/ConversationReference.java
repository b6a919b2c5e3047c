package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Objects;

/**
 * Everything needed to send to a conversation later without an inbound message: the format bots store (see {@link
 * #toJson()} and {@link #fromJson(String)}). Capture it from an authenticated inbound activity with {@link
 * Activity#conversationReference()}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ConversationReference.Builder.class)
public final class ConversationReference extends JsonModel {

    private final String activityId;
    private final ChannelAccount user;
    private final ChannelAccount bot;
    private final ConversationAccount conversation;
    private final String channelId;
    private final String locale;
    private final String serviceUrl;

    private ConversationReference(Builder builder) {
        super(builder);
        this.activityId = builder.activityId;
        this.user = builder.user;
        this.bot = builder.bot;
        this.conversation = builder.conversation;
        this.channelId = builder.channelId;
        this.locale = builder.locale;
        this.serviceUrl = builder.serviceUrl;
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
     * Reads a conversation reference from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationReference fromJson(String json) {
        return parse(json, ConversationReference.class);
    }

    /** Id of the activity the reference was taken from (optional). */
    public String activityId() {
        return activityId;
    }

    /** The user in the conversation. */
    public ChannelAccount user() {
        return user;
    }

    /** The bot in the conversation. */
    public ChannelAccount bot() {
        return bot;
    }

    /** The conversation (its id and, for Teams, its tenant id). */
    public ConversationAccount conversation() {
        return conversation;
    }

    /** Channel id, {@code msteams} for Teams. */
    public String channelId() {
        return channelId;
    }

    /** Locale of the conversation (for example {@code en-US}). */
    public String locale() {
        return locale;
    }

    /** Base URL of the Bot Connector service for this conversation. */
    public String serviceUrl() {
        return serviceUrl;
    }

    /**
     * The tenant id of the conversation ({@code conversation.tenantId}, or a {@code tenantId} member kept with the
     * reference), or {@code null}.
     */
    public String tenantId() {
        if (conversation != null && conversation.tenantId() != null) {
            return conversation.tenantId();
        }
        Object stored = properties().get("tenantId");
        return stored instanceof String s ? s : null;
    }

    /**
     * An outgoing activity addressed through this reference: {@code from} = bot, {@code recipient} = user,
     * {@code conversation}, {@code channelId}, {@code serviceUrl} and (when the activity has none) {@code locale} are
     * taken from the reference; everything else comes from {@code activity}.
     */
    public Activity applyTo(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        Activity.Builder b = activity.toBuilder()
                .channelId(channelId)
                .serviceUrl(serviceUrl)
                .conversation(conversation);
        if (bot != null) {
            b.from(bot);
        }
        if (user != null) {
            b.recipient(user);
        }
        if (activity.locale() == null && locale != null) {
            b.locale(locale);
        }
        return b.build();
    }

    /**
     * The "continue conversation" event that Bot Framework SDKs use to resume a conversation from a stored reference:
     * type {@code event}, name {@code ContinueConversation}, from the user to the bot, {@code relatesTo} this reference.
     */
    public Activity continuationActivity() {
        return Activity.builder()
                .type(ActivityTypes.EVENT)
                .name("ContinueConversation")
                .id(java.util.UUID.randomUUID().toString())
                .channelId(channelId)
                .serviceUrl(serviceUrl)
                .conversation(conversation)
                .from(user)
                .recipient(bot)
                .locale(locale)
                .relatesTo(this)
                .build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {activityId, user, bot, conversation, channelId, locale, serviceUrl};
    }

    /** Builder for {@link ConversationReference}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String activityId;
        private ChannelAccount user;
        private ChannelAccount bot;
        private ConversationAccount conversation;
        private String channelId;
        private String locale;
        private String serviceUrl;

        private Builder() {
        }

        private Builder(ConversationReference source) {
            super(source);
            this.activityId = source.activityId;
            this.user = source.user;
            this.bot = source.bot;
            this.conversation = source.conversation;
            this.channelId = source.channelId;
            this.locale = source.locale;
            this.serviceUrl = source.serviceUrl;
        }

        /** Id of the activity the reference was taken from (optional). */
        public Builder activityId(String activityId) {
            this.activityId = activityId;
            return this;
        }

        /** The user in the conversation. */
        public Builder user(ChannelAccount user) {
            this.user = user;
            return this;
        }

        /** The bot in the conversation. */
        public Builder bot(ChannelAccount bot) {
            this.bot = bot;
            return this;
        }

        /** The conversation (its id and, for Teams, its tenant id). */
        public Builder conversation(ConversationAccount conversation) {
            this.conversation = conversation;
            return this;
        }

        /** Channel id, {@code msteams} for Teams. */
        public Builder channelId(String channelId) {
            this.channelId = channelId;
            return this;
        }

        /** Locale of the conversation (for example {@code en-US}). */
        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        /** Base URL of the Bot Connector service for this conversation. */
        public Builder serviceUrl(String serviceUrl) {
            this.serviceUrl = serviceUrl;
            return this;
        }

        /** The immutable ConversationReference. */
        public ConversationReference build() {
            return new ConversationReference(this);
        }
    }
}

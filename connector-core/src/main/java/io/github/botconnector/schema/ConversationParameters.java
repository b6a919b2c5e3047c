package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v3/conversations}: create a 1:1 chat (one member, tenant id) or, on Teams, a new thread in
 * a channel ({@code isGroup}, {@code channelData.channel.id}, an activity).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ConversationParameters.Builder.class)
public final class ConversationParameters extends JsonModel {

    private final Boolean isGroup;
    private final ChannelAccount bot;
    private final List<ChannelAccount> members;
    private final String topicName;
    private final String tenantId;
    private final Activity activity;
    private final Object channelData;

    private ConversationParameters(Builder builder) {
        super(builder);
        this.isGroup = builder.isGroup;
        this.bot = builder.bot;
        this.members = copyOf(builder.members);
        this.topicName = builder.topicName;
        this.tenantId = builder.tenantId;
        this.activity = builder.activity;
        this.channelData = freeze(builder.channelData);
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
     * Reads conversation parameters from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationParameters fromJson(String json) {
        return parse(json, ConversationParameters.class);
    }

    /** {@code true} for a channel thread, {@code false} for a 1:1 chat. */
    public Boolean isGroup() {
        return isGroup;
    }

    /** The bot (optional on Teams; inferred from the token). */
    public ChannelAccount bot() {
        return bot;
    }

    /** Members of the new conversation; exactly one for a 1:1 chat. */
    public List<ChannelAccount> members() {
        return orEmpty(members);
    }

    /** Topic of the conversation, where the channel supports it. */
    public String topicName() {
        return topicName;
    }

    /** Tenant id; required by Teams. */
    public String tenantId() {
        return tenantId;
    }

    /** First message to post in the new conversation (required for a Teams channel thread). */
    public Activity activity() {
        return activity;
    }

    /** Channel-specific payload; on Teams {@code tenant.id} and, for a channel thread, {@code channel.id}. */
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

    @Override
    protected Object[] values() {
        return new Object[] {isGroup, bot, members, topicName, tenantId, activity, channelData};
    }

    /** Builder for {@link ConversationParameters}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private Boolean isGroup;
        private ChannelAccount bot;
        private List<ChannelAccount> members;
        private String topicName;
        private String tenantId;
        private Activity activity;
        private Object channelData;

        private Builder() {
        }

        private Builder(ConversationParameters source) {
            super(source);
            this.isGroup = source.isGroup;
            this.bot = source.bot;
            this.members = mutableCopy(source.members);
            this.topicName = source.topicName;
            this.tenantId = source.tenantId;
            this.activity = source.activity;
            this.channelData = source.channelData;
        }

        /** {@code true} for a channel thread, {@code false} for a 1:1 chat. */
        public Builder isGroup(Boolean isGroup) {
            this.isGroup = isGroup;
            return this;
        }

        /** The bot (optional on Teams; inferred from the token). */
        public Builder bot(ChannelAccount bot) {
            this.bot = bot;
            return this;
        }

        /** Members of the new conversation; exactly one for a 1:1 chat. */
        public Builder members(List<ChannelAccount> members) {
            this.members = mutableCopy(members);
            return this;
        }

        /** Members of the new conversation; exactly one for a 1:1 chat. */
        public Builder members(ChannelAccount... members) {
            this.members = mutableCopy(members);
            return this;
        }

        /** Topic of the conversation, where the channel supports it. */
        public Builder topicName(String topicName) {
            this.topicName = topicName;
            return this;
        }

        /** Tenant id; required by Teams. */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** First message to post in the new conversation (required for a Teams channel thread). */
        public Builder activity(Activity activity) {
            this.activity = activity;
            return this;
        }

        /** Channel-specific payload; on Teams {@code tenant.id} and, for a channel thread, {@code channel.id}. */
        public Builder channelData(Object channelData) {
            this.channelData = channelData;
            return this;
        }

        /** The immutable ConversationParameters. */
        public ConversationParameters build() {
            return new ConversationParameters(this);
        }
    }
}

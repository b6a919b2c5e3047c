package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Body of {@code POST /v3/conversations}: create a 1:1 chat (one member, tenant id) or, on Teams, a new thread in
 * a channel ({@code isGroup}, {@code channelData.channel.id}, an activity).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ConversationParameters.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConversationParameters extends JsonModel {

    @JsonProperty("isGroup")
    private final Boolean isGroup;
    @JsonProperty("bot")
    private final ChannelAccount bot;
    @JsonProperty("members")
    private final List<ChannelAccount> members;
    @JsonProperty("topicName")
    private final String topicName;
    @JsonProperty("tenantId")
    private final String tenantId;
    @JsonProperty("activity")
    private final Activity activity;
    @JsonProperty("channelData")
    private final Object channelData;

    private ConversationParameters(Builder builder) {
        super(builder);
        this.isGroup = builder.isGroup;
        this.bot = builder.bot;
        this.members = Values.list(builder.members);
        this.topicName = builder.topicName;
        this.tenantId = builder.tenantId;
        this.activity = builder.activity;
        this.channelData = Values.freeze(builder.channelData);
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
     * Reads a ConversationParameters from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationParameters fromJson(String json) {
        return Json.parseObject(json, ConversationParameters.class);
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
        return Values.orEmpty(members);
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
        return channelData == null ? null : Json.convert(channelData, type);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConversationParameters other)) {
            return false;
        }
        return Objects.equals(isGroup, other.isGroup)
                && Objects.equals(bot, other.bot)
                && Objects.equals(members, other.members)
                && Objects.equals(topicName, other.topicName)
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(activity, other.activity)
                && Objects.equals(channelData, other.channelData)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(isGroup, bot, members, topicName, tenantId, activity, channelData, properties());
    }

    /** Builder for {@link ConversationParameters}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("isGroup")
        private Boolean isGroup;
        @JsonProperty("bot")
        private ChannelAccount bot;
        @JsonProperty("members")
        private List<ChannelAccount> members;
        @JsonProperty("topicName")
        private String topicName;
        @JsonProperty("tenantId")
        private String tenantId;
        @JsonProperty("activity")
        private Activity activity;
        @JsonProperty("channelData")
        private Object channelData;

        private Builder() {
        }

        private Builder(ConversationParameters source) {
            super(source);
            this.isGroup = source.isGroup;
            this.bot = source.bot;
            this.members = source.members == null ? null : new ArrayList<>(source.members);
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
            this.members = members == null ? null : new ArrayList<>(members);
            return this;
        }

        /** Members of the new conversation; exactly one for a 1:1 chat. */
        public Builder members(ChannelAccount... members) {
            this.members = members == null ? null : new ArrayList<>(Arrays.asList(members));
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

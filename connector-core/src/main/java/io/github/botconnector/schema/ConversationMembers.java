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
import java.util.Objects;

/**
 * A conversation and its members, as listed by {@code GET /v3/conversations}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ConversationMembers.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConversationMembers extends JsonModel {

    @JsonProperty("id")
    private final String id;
    @JsonProperty("members")
    private final List<ChannelAccount> members;

    private ConversationMembers(Builder builder) {
        super(builder);
        this.id = builder.id;
        this.members = Values.list(builder.members);
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
     * Reads a ConversationMembers from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationMembers fromJson(String json) {
        return Json.parseObject(json, ConversationMembers.class);
    }

    /** Conversation id. */
    public String id() {
        return id;
    }

    /** Members of the conversation. */
    public List<ChannelAccount> members() {
        return Values.orEmpty(members);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConversationMembers other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && Objects.equals(members, other.members)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, members, properties());
    }

    /** Builder for {@link ConversationMembers}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("id")
        private String id;
        @JsonProperty("members")
        private List<ChannelAccount> members;

        private Builder() {
        }

        private Builder(ConversationMembers source) {
            super(source);
            this.id = source.id;
            this.members = source.members == null ? null : new ArrayList<>(source.members);
        }

        /** Conversation id. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Members of the conversation. */
        public Builder members(List<ChannelAccount> members) {
            this.members = members == null ? null : new ArrayList<>(members);
            return this;
        }

        /** Members of the conversation. */
        public Builder members(ChannelAccount... members) {
            this.members = members == null ? null : new ArrayList<>(Arrays.asList(members));
            return this;
        }

        /** The immutable ConversationMembers. */
        public ConversationMembers build() {
            return new ConversationMembers(this);
        }
    }
}

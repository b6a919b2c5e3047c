package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import io.github.botconnector.exception.JsonFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The channels of a team, from {@code GET /v3/teams/{teamId}/conversations}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ConversationList.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConversationList extends JsonModel {

    @JsonProperty("conversations")
    private final List<ChannelInfo> conversations;

    private ConversationList(Builder builder) {
        super(builder);
        this.conversations = Values.list(builder.conversations);
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
     * Reads a ConversationList from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationList fromJson(String json) {
        return Json.parseObject(json, ConversationList.class);
    }

    /** The channels; the General channel has the team id and no name. */
    public List<ChannelInfo> conversations() {
        return Values.orEmpty(conversations);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConversationList other)) {
            return false;
        }
        return Objects.equals(conversations, other.conversations)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(conversations, properties());
    }

    /** Builder for {@link ConversationList}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("conversations")
        private List<ChannelInfo> conversations;

        private Builder() {
        }

        private Builder(ConversationList source) {
            super(source);
            this.conversations = source.conversations == null ? null : new ArrayList<>(source.conversations);
        }

        /** The channels; the General channel has the team id and no name. */
        public Builder conversations(List<ChannelInfo> conversations) {
            this.conversations = conversations == null ? null : new ArrayList<>(conversations);
            return this;
        }

        /** The channels; the General channel has the team id and no name. */
        public Builder conversations(ChannelInfo... conversations) {
            this.conversations = conversations == null ? null : new ArrayList<>(Arrays.asList(conversations));
            return this;
        }

        /** The immutable ConversationList. */
        public ConversationList build() {
            return new ConversationList(this);
        }
    }
}

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
 * One page of {@code GET /v3/conversations}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ConversationsResult.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConversationsResult extends JsonModel {

    @JsonProperty("continuationToken")
    private final String continuationToken;
    @JsonProperty("conversations")
    private final List<ConversationMembers> conversations;

    private ConversationsResult(Builder builder) {
        super(builder);
        this.continuationToken = builder.continuationToken;
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
     * Reads a ConversationsResult from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationsResult fromJson(String json) {
        return Json.parseObject(json, ConversationsResult.class);
    }

    /** Token for the next page; absent on the last page. */
    public String continuationToken() {
        return continuationToken;
    }

    /** Conversations on this page. */
    public List<ConversationMembers> conversations() {
        return Values.orEmpty(conversations);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConversationsResult other)) {
            return false;
        }
        return Objects.equals(continuationToken, other.continuationToken)
                && Objects.equals(conversations, other.conversations)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(continuationToken, conversations, properties());
    }

    /** Builder for {@link ConversationsResult}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("continuationToken")
        private String continuationToken;
        @JsonProperty("conversations")
        private List<ConversationMembers> conversations;

        private Builder() {
        }

        private Builder(ConversationsResult source) {
            super(source);
            this.continuationToken = source.continuationToken;
            this.conversations = source.conversations == null ? null : new ArrayList<>(source.conversations);
        }

        /** Token for the next page; absent on the last page. */
        public Builder continuationToken(String continuationToken) {
            this.continuationToken = continuationToken;
            return this;
        }

        /** Conversations on this page. */
        public Builder conversations(List<ConversationMembers> conversations) {
            this.conversations = conversations == null ? null : new ArrayList<>(conversations);
            return this;
        }

        /** Conversations on this page. */
        public Builder conversations(ConversationMembers... conversations) {
            this.conversations = conversations == null ? null : new ArrayList<>(Arrays.asList(conversations));
            return this;
        }

        /** The immutable ConversationsResult. */
        public ConversationsResult build() {
            return new ConversationsResult(this);
        }
    }
}

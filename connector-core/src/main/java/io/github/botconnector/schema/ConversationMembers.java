package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;

/**
 * A conversation and its members, as listed by {@code GET /v3/conversations}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
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
        this.members = copyOf(builder.members);
    }

    /**
     * Reads conversation members from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationMembers fromJson(String json) {
        return parse(json, ConversationMembers.class);
    }

    /** Conversation id. */
    public String id() {
        return id;
    }

    /** Members of the conversation. */
    public List<ChannelAccount> members() {
        return orEmpty(members);
    }

    @Override
    protected Object[] values() {
        return new Object[] {id, members};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("id")
        private String id;
        @JsonProperty("members")
        private List<ChannelAccount> members;

        private Builder() {
        }

        ConversationMembers build() {
            return new ConversationMembers(this);
        }
    }
}

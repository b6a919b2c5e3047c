package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * A conversation and its members, as listed by {@code GET /v3/conversations}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ConversationMembers.Builder.class)
public final class ConversationMembers extends JsonModel {

    private final String id;
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
    static final class Builder extends JsonModel.Builder<Builder> {

        private String id;
        private List<ChannelAccount> members;

        private Builder() {
        }

        ConversationMembers build() {
            return new ConversationMembers(this);
        }
    }
}

package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * One page of {@code GET /v3/conversations}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ConversationsResult.Builder.class)
public final class ConversationsResult extends JsonModel {

    private final String continuationToken;
    private final List<ConversationMembers> conversations;

    private ConversationsResult(Builder builder) {
        super(builder);
        this.continuationToken = builder.continuationToken;
        this.conversations = copyOf(builder.conversations);
    }

    /**
     * Reads a conversations result from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationsResult fromJson(String json) {
        return parse(json, ConversationsResult.class);
    }

    /** Token for the next page; absent on the last page. */
    public String continuationToken() {
        return continuationToken;
    }

    /** Conversations on this page. */
    public List<ConversationMembers> conversations() {
        return orEmpty(conversations);
    }

    @Override
    protected Object[] values() {
        return new Object[] {continuationToken, conversations};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String continuationToken;
        private List<ConversationMembers> conversations;

        private Builder() {
        }

        ConversationsResult build() {
            return new ConversationsResult(this);
        }
    }
}

package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * The channels of a team, from {@code GET /v3/teams/{teamId}/conversations}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ConversationList.Builder.class)
public final class ConversationList extends JsonModel {

    private final List<ChannelInfo> conversations;

    private ConversationList(Builder builder) {
        super(builder);
        this.conversations = copyOf(builder.conversations);
    }

    /**
     * Reads a conversation list from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationList fromJson(String json) {
        return parse(json, ConversationList.class);
    }

    /** The channels; the General channel has the team id and no name. */
    public List<ChannelInfo> conversations() {
        return orEmpty(conversations);
    }

    @Override
    protected Object[] values() {
        return new Object[] {conversations};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private List<ChannelInfo> conversations;

        private Builder() {
        }

        ConversationList build() {
            return new ConversationList(this);
        }
    }
}

package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * One recipient a batch operation could not deliver to, from
 * {@code GET /v3/batch/conversation/failedentries/{operationId}}.
 *
 * <p>The recipient id is written {@code entryId} by the service; some senders and mappers use {@code id} or
 * {@code Id}. Those spellings are kept as received (in {@link #properties()}, written back unchanged) and
 * {@link #entryId()} reads any of them.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text.
 */
@JsonDeserialize(builder = BatchFailedEntry.Builder.class)
public final class BatchFailedEntry extends JsonModel {

    private final String entryId;
    private final String error;

    private BatchFailedEntry(Builder builder) {
        super(builder);
        this.entryId = builder.entryId;
        this.error = builder.error;
    }

    /**
     * Reads a batch failed entry from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchFailedEntry fromJson(String json) {
        return parse(json, BatchFailedEntry.class);
    }

    /**
     * The recipient id: a user id ({@code 29:...}) or a channel id; {@code entryId}, else {@code id}, else {@code Id}.
     */
    public String entryId() {
        if (entryId != null) {
            return entryId;
        }
        if (properties().get("id") instanceof String s) {
            return s;
        }
        return properties().get("Id") instanceof String s ? s : null;
    }

    /** Why the message was not delivered, for example {@code BotNotInConversationRoster}. */
    public String error() {
        return error;
    }

    @Override
    protected Object[] values() {
        return new Object[] {entryId, error};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String entryId;
        private String error;

        private Builder() {
        }

        BatchFailedEntry build() {
            return new BatchFailedEntry(this);
        }
    }
}

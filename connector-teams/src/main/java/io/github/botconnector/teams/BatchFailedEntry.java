package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Objects;

/**
 * One recipient a batch operation could not deliver to, from
 * {@code GET /v3/batch/conversation/failedentries/{operationId}}.
 *
 * <p>The recipient id is written {@code entryId} by the service; some senders and mappers use {@code id} or
 * {@code Id}. Those spellings are kept as received (in {@link #properties()}, written back unchanged) and
 * {@link #entryId()} reads any of them.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = BatchFailedEntry.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BatchFailedEntry extends JsonModel {

    @JsonProperty("entryId")
    private final String entryId;
    @JsonProperty("error")
    private final String error;

    private BatchFailedEntry(Builder builder) {
        super(builder);
        this.entryId = builder.entryId;
        this.error = builder.error;
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
     * Reads a BatchFailedEntry from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchFailedEntry fromJson(String json) {
        return Json.parseObject(json, BatchFailedEntry.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BatchFailedEntry other)) {
            return false;
        }
        return Objects.equals(entryId, other.entryId)
                && Objects.equals(error, other.error)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(entryId, error, properties());
    }

    /** Builder for {@link BatchFailedEntry}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("entryId")
        private String entryId;
        @JsonProperty("error")
        private String error;

        private Builder() {
        }

        private Builder(BatchFailedEntry source) {
            super(source);
            this.entryId = source.entryId;
            this.error = source.error;
        }

        /**
         * The recipient id: a user id ({@code 29:...}) or a channel id, written as {@code entryId} (an {@code id} or
         * {@code Id} member received earlier is dropped).
         */
        public Builder entryId(String entryId) {
            this.entryId = entryId;
            removeProperty("id");
            return removeProperty("Id");
        }

        /** Why the message was not delivered, for example {@code BotNotInConversationRoster}. */
        public Builder error(String error) {
            this.error = error;
            return this;
        }

        /** The immutable BatchFailedEntry. */
        public BatchFailedEntry build() {
            return new BatchFailedEntry(this);
        }
    }
}

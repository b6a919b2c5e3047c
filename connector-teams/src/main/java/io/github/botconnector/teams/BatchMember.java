package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * One recipient of a Teams batch message ({@code TeamMember} in the Microsoft SDKs): a user id for
 * {@code POST /v3/batch/conversation/users/}, a channel id for {@code POST /v3/batch/conversation/channels/}.
 *
 * <p>Written as {@code {"id": ...}}. Some senders write the key as {@code Id}; such an object is kept as received (the
 * key stays in {@link #properties()} and is written back unchanged) and {@link #id()} reads either spelling.
 *
 * <p>Immutable; build with {@link #builder()} or {@link #of(String)}, change with {@link #toBuilder()}.
 */
@JsonDeserialize(builder = BatchMember.Builder.class)
public final class BatchMember extends JsonModel {

    /** The PascalCase spelling of {@code id} some senders use. */
    static final String PASCAL_ID = "Id";

    private final String id;

    private BatchMember(Builder builder) {
        super(builder);
        this.id = builder.id;
    }

    /** A member with only an id. */
    public static BatchMember of(String id) {
        return builder().id(id).build();
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
     * Reads a batch member from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchMember fromJson(String json) {
        return parse(json, BatchMember.class);
    }

    /**
     * The user or channel id: the {@code id} member, or when absent a textual {@code Id} member.
     */
    public String id() {
        if (id != null) {
            return id;
        }
        return properties().get(PASCAL_ID) instanceof String s ? s : null;
    }

    @Override
    protected Object[] values() {
        return new Object[] {id};
    }

    /** Builder for {@link BatchMember}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String id;

        private Builder() {
        }

        private Builder(BatchMember source) {
            super(source);
            this.id = source.id;
        }

        /** The user or channel id, written as {@code id} (a PascalCase {@code Id} received earlier is dropped). */
        public Builder id(String id) {
            this.id = id;
            removeProperty(PASCAL_ID);
            return this;
        }

        /** The immutable BatchMember. */
        public BatchMember build() {
            return new BatchMember(this);
        }
    }
}

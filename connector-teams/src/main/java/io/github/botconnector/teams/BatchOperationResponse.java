package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * The answer to a batch send ({@code POST /v3/batch/conversation/...}): {@code {"operationId": "<GUID>"}}. Use the id
 * with {@link TeamsClient#batchOperationState(String)}, {@link TeamsClient#batchFailedEntries(String)} and
 * {@link TeamsClient#cancelBatchOperation(String)}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = BatchOperationResponse.Builder.class)
public final class BatchOperationResponse extends JsonModel {

    private final String operationId;

    private BatchOperationResponse(Builder builder) {
        super(builder);
        this.operationId = builder.operationId;
    }

    /**
     * Reads a batch operation response from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchOperationResponse fromJson(String json) {
        return parse(json, BatchOperationResponse.class);
    }

    /** The id of the batch operation (a GUID). */
    public String operationId() {
        return operationId;
    }

    @Override
    protected Object[] values() {
        return new Object[] {operationId};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String operationId;

        private Builder() {
        }

        BatchOperationResponse build() {
            return new BatchOperationResponse(this);
        }
    }
}

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
 * The answer to a batch send ({@code POST /v3/batch/conversation/...}): {@code {"operationId": "<GUID>"}}. Use the id
 * with {@link TeamsClient#batchOperationState(String)}, {@link TeamsClient#batchFailedEntries(String)} and
 * {@link TeamsClient#cancelBatchOperation(String)}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = BatchOperationResponse.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BatchOperationResponse extends JsonModel {

    @JsonProperty("operationId")
    private final String operationId;

    private BatchOperationResponse(Builder builder) {
        super(builder);
        this.operationId = builder.operationId;
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
     * Reads a BatchOperationResponse from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchOperationResponse fromJson(String json) {
        return Json.parseObject(json, BatchOperationResponse.class);
    }

    /** The id of the batch operation (a GUID). */
    public String operationId() {
        return operationId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BatchOperationResponse other)) {
            return false;
        }
        return Objects.equals(operationId, other.operationId)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(operationId, properties());
    }

    /** Builder for {@link BatchOperationResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("operationId")
        private String operationId;

        private Builder() {
        }

        private Builder(BatchOperationResponse source) {
            super(source);
            this.operationId = source.operationId;
        }

        /** The id of the batch operation (a GUID). */
        public Builder operationId(String operationId) {
            this.operationId = operationId;
            return this;
        }

        /** The immutable BatchOperationResponse. */
        public BatchOperationResponse build() {
            return new BatchOperationResponse(this);
        }
    }
}

package io.github.botconnector.teams;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import io.github.botconnector.schema.JsonFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
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
public final class BatchOperationResponse {

    @JsonProperty("operationId")
    private final String operationId;
    private final Map<String, Object> properties;

    private BatchOperationResponse(Builder builder) {
        this.operationId = builder.operationId;
        this.properties = Values.properties(builder.properties);
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

    /** This object as compact JSON: null members omitted, unknown members written back. */
    public String toJson() {
        return Json.write(this);
    }

    /** The id of the batch operation (a GUID). */
    public String operationId() {
        return operationId;
    }

    /** Members of the JSON object that this type does not define, as received (never null, unmodifiable). */
    public Map<String, Object> properties() {
        return properties;
    }

    @JsonAnyGetter
    Map<String, Object> unknownMembers() {
        return properties;
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
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operationId, properties);
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builder for {@link BatchOperationResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder {

        @JsonProperty("operationId")
        private String operationId;
        private Map<String, Object> properties;

        private Builder() {
        }

        private Builder(BatchOperationResponse source) {
            this.operationId = source.operationId;
            this.properties = Values.mutableProperties(source.properties);
        }

        /** The id of the batch operation (a GUID). */
        public Builder operationId(String operationId) {
            this.operationId = operationId;
            return this;
        }

        /** Sets (or, with a {@code null} value, writes as JSON null) a member this type does not define. */
        @JsonAnySetter
        public Builder property(String name, Object value) {
            if (properties == null) {
                properties = new LinkedHashMap<>();
            }
            properties.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Removes a member this type does not define. */
        public Builder removeProperty(String name) {
            if (properties != null) {
                properties.remove(name);
            }
            return this;
        }

        /** Replaces all members this type does not define. */
        public Builder properties(Map<String, Object> properties) {
            this.properties = properties == null ? null : new LinkedHashMap<>(properties);
            return this;
        }

        /** The immutable BatchOperationResponse. */
        public BatchOperationResponse build() {
            return new BatchOperationResponse(this);
        }
    }
}

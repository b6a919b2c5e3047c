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
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The progress of a batch operation, from {@code GET /v3/batch/conversation/{operationId}}: its state, how many
 * recipients ended with which HTTP status, when to ask again and how many recipients there are in total.
 *
 * <p>{@link #state()} is an open set kept as received; the documented values are {@link #ONGOING},
 * {@link #COMPLETED} and {@link #FAILED}. {@link #statusMap()} keeps the JSON keys as received (HTTP status codes as
 * strings, for example {@code "201"}); {@link #statusCount(int)} reads it by number.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = BatchOperationState.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BatchOperationState extends JsonModel {

    /** The operation is still sending. */
    public static final String ONGOING = "Ongoing";
    /** The operation has finished; failed recipients are listed by the failed-entries API. */
    public static final String COMPLETED = "Completed";
    /** The operation failed as a whole. */
    public static final String FAILED = "Failed";

    @JsonProperty("state")
    private final String state;
    @JsonProperty("statusMap")
    private final Map<String, Integer> statusMap;
    @JsonProperty("retryAfter")
    private final OffsetDateTime retryAfter;
    @JsonProperty("totalEntriesCount")
    private final Integer totalEntriesCount;

    private BatchOperationState(Builder builder) {
        super(builder);
        this.state = builder.state;
        this.statusMap = builder.statusMap == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(builder.statusMap));
        this.retryAfter = builder.retryAfter;
        this.totalEntriesCount = builder.totalEntriesCount;
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
     * Reads a BatchOperationState from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchOperationState fromJson(String json) {
        return Json.parseObject(json, BatchOperationState.class);
    }

    /** The state: {@link #ONGOING}, {@link #COMPLETED}, {@link #FAILED} or another value the service sends. */
    public String state() {
        return state;
    }

    /** Whether the state is {@link #ONGOING} (ask again, not before {@link #retryAfter()} when given). */
    public boolean isOngoing() {
        return ONGOING.equalsIgnoreCase(state);
    }

    /**
     * Number of recipients per HTTP status, keyed by the status as received ({@code "201"}, {@code "403"}, ...); empty
     * when absent (never null, unmodifiable).
     */
    public Map<String, Integer> statusMap() {
        return statusMap == null ? Map.of() : statusMap;
    }

    /** Number of recipients that ended with HTTP status {@code status}; 0 when the map has no such entry. */
    public int statusCount(int status) {
        Integer count = statusMap().get(Integer.toString(status));
        return count == null ? 0 : count;
    }

    /** When to ask for the state again, if the service says so. */
    public OffsetDateTime retryAfter() {
        return retryAfter;
    }

    /** Number of recipients of the operation. */
    public Integer totalEntriesCount() {
        return totalEntriesCount;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BatchOperationState other)) {
            return false;
        }
        return Objects.equals(state, other.state)
                && Objects.equals(statusMap, other.statusMap)
                && Objects.equals(retryAfter, other.retryAfter)
                && Objects.equals(totalEntriesCount, other.totalEntriesCount)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, statusMap, retryAfter, totalEntriesCount, properties());
    }

    /** Builder for {@link BatchOperationState}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("state")
        private String state;
        @JsonProperty("statusMap")
        private Map<String, Integer> statusMap;
        @JsonProperty("retryAfter")
        private OffsetDateTime retryAfter;
        @JsonProperty("totalEntriesCount")
        private Integer totalEntriesCount;

        private Builder() {
        }

        private Builder(BatchOperationState source) {
            super(source);
            this.state = source.state;
            this.statusMap = source.statusMap == null ? null : new LinkedHashMap<>(source.statusMap);
            this.retryAfter = source.retryAfter;
            this.totalEntriesCount = source.totalEntriesCount;
        }

        /** The state: {@link #ONGOING}, {@link #COMPLETED}, {@link #FAILED} or another value. */
        public Builder state(String state) {
            this.state = state;
            return this;
        }

        /** Number of recipients per HTTP status, keyed by the status as a string ({@code "201"}). */
        public Builder statusMap(Map<String, Integer> statusMap) {
            this.statusMap = statusMap == null ? null : new LinkedHashMap<>(statusMap);
            return this;
        }

        /** Sets the number of recipients that ended with HTTP status {@code status}. */
        public Builder statusCount(int status, int count) {
            if (statusMap == null) {
                statusMap = new LinkedHashMap<>();
            }
            statusMap.put(Integer.toString(status), count);
            return this;
        }

        /** When to ask for the state again. */
        public Builder retryAfter(OffsetDateTime retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /** Number of recipients of the operation. */
        public Builder totalEntriesCount(Integer totalEntriesCount) {
            this.totalEntriesCount = totalEntriesCount;
            return this;
        }

        /** The immutable BatchOperationState. */
        public BatchOperationState build() {
            return new BatchOperationState(this);
        }
    }
}

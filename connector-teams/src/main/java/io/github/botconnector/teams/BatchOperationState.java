package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The progress of a batch operation, from {@code GET /v3/batch/conversation/{operationId}}: its state, how many
 * recipients ended with which HTTP status, when to ask again and how many recipients there are in total.
 *
 * <p>{@link #state()} is an open set kept as received; the documented values are {@link #ONGOING},
 * {@link #COMPLETED} and {@link #FAILED}. {@link #statusMap()} keeps the JSON keys as received (HTTP status codes as
 * strings, for example {@code "201"}); {@link #statusCount(int)} reads it by number.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = BatchOperationState.Builder.class)
public final class BatchOperationState extends JsonModel {

    /** The operation is still sending. */
    public static final String ONGOING = "Ongoing";
    /** The operation has finished; failed recipients are listed by the failed-entries API. */
    public static final String COMPLETED = "Completed";
    /** The operation failed as a whole. */
    public static final String FAILED = "Failed";

    private final String state;
    private final Map<String, Integer> statusMap;
    private final OffsetDateTime retryAfter;
    private final Integer totalEntriesCount;

    private BatchOperationState(Builder builder) {
        super(builder);
        this.state = builder.state;
        this.statusMap = builder.statusMap == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(builder.statusMap));
        this.retryAfter = builder.retryAfter;
        this.totalEntriesCount = builder.totalEntriesCount;
    }

    /**
     * Reads a batch operation state from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchOperationState fromJson(String json) {
        return parse(json, BatchOperationState.class);
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
    protected Object[] values() {
        return new Object[] {state, statusMap, retryAfter, totalEntriesCount};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String state;
        private Map<String, Integer> statusMap;
        private OffsetDateTime retryAfter;
        private Integer totalEntriesCount;

        private Builder() {
        }

        BatchOperationState build() {
            return new BatchOperationState(this);
        }
    }
}

package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * One page of {@code GET /v3/batch/conversation/failedentries/{operationId}}: the recipients a batch operation could
 * not deliver to, and a continuation token while more pages follow.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = BatchFailedEntriesResponse.Builder.class)
public final class BatchFailedEntriesResponse extends JsonModel {

    private final String continuationToken;
    private final List<BatchFailedEntry> failedEntryResponses;

    private BatchFailedEntriesResponse(Builder builder) {
        super(builder);
        this.continuationToken = builder.continuationToken;
        this.failedEntryResponses = copyOf(builder.failedEntryResponses);
    }

    /**
     * Reads a batch failed entries response from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchFailedEntriesResponse fromJson(String json) {
        return parse(json, BatchFailedEntriesResponse.class);
    }

    /** Token for the next page; absent, null or empty on the last page. */
    public String continuationToken() {
        return continuationToken;
    }

    /** The failed recipients on this page. */
    public List<BatchFailedEntry> failedEntryResponses() {
        return orEmpty(failedEntryResponses);
    }

    @Override
    protected Object[] values() {
        return new Object[] {continuationToken, failedEntryResponses};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String continuationToken;
        private List<BatchFailedEntry> failedEntryResponses;

        private Builder() {
        }

        BatchFailedEntriesResponse build() {
            return new BatchFailedEntriesResponse(this);
        }
    }
}

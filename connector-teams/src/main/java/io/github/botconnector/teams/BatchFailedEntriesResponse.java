package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import io.github.botconnector.exception.JsonFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One page of {@code GET /v3/batch/conversation/failedentries/{operationId}}: the recipients a batch operation could
 * not deliver to, and a continuation token while more pages follow.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = BatchFailedEntriesResponse.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BatchFailedEntriesResponse extends JsonModel {

    @JsonProperty("continuationToken")
    private final String continuationToken;
    @JsonProperty("failedEntryResponses")
    private final List<BatchFailedEntry> failedEntryResponses;

    private BatchFailedEntriesResponse(Builder builder) {
        super(builder);
        this.continuationToken = builder.continuationToken;
        this.failedEntryResponses = Values.list(builder.failedEntryResponses);
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
     * Reads a BatchFailedEntriesResponse from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchFailedEntriesResponse fromJson(String json) {
        return Json.parseObject(json, BatchFailedEntriesResponse.class);
    }

    /** Token for the next page; absent, null or empty on the last page. */
    public String continuationToken() {
        return continuationToken;
    }

    /** The failed recipients on this page. */
    public List<BatchFailedEntry> failedEntryResponses() {
        return Values.orEmpty(failedEntryResponses);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BatchFailedEntriesResponse other)) {
            return false;
        }
        return Objects.equals(continuationToken, other.continuationToken)
                && Objects.equals(failedEntryResponses, other.failedEntryResponses)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(continuationToken, failedEntryResponses, properties());
    }

    /** Builder for {@link BatchFailedEntriesResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("continuationToken")
        private String continuationToken;
        @JsonProperty("failedEntryResponses")
        private List<BatchFailedEntry> failedEntryResponses;

        private Builder() {
        }

        private Builder(BatchFailedEntriesResponse source) {
            super(source);
            this.continuationToken = source.continuationToken;
            this.failedEntryResponses = source.failedEntryResponses == null ? null : new ArrayList<>(source.failedEntryResponses);
        }

        /** Token for the next page; absent, null or empty on the last page. */
        public Builder continuationToken(String continuationToken) {
            this.continuationToken = continuationToken;
            return this;
        }

        /** The failed recipients on this page. */
        public Builder failedEntryResponses(List<BatchFailedEntry> failedEntryResponses) {
            this.failedEntryResponses = failedEntryResponses == null ? null : new ArrayList<>(failedEntryResponses);
            return this;
        }

        /** The failed recipients on this page. */
        public Builder failedEntryResponses(BatchFailedEntry... failedEntryResponses) {
            this.failedEntryResponses = failedEntryResponses == null ? null : new ArrayList<>(Arrays.asList(failedEntryResponses));
            return this;
        }

        /** The immutable BatchFailedEntriesResponse. */
        public BatchFailedEntriesResponse build() {
            return new BatchFailedEntriesResponse(this);
        }
    }
}

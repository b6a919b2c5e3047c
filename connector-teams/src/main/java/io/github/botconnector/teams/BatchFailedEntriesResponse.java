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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public final class BatchFailedEntriesResponse {

    @JsonProperty("continuationToken")
    private final String continuationToken;
    @JsonProperty("failedEntryResponses")
    private final List<BatchFailedEntry> failedEntryResponses;
    private final Map<String, Object> properties;

    private BatchFailedEntriesResponse(Builder builder) {
        this.continuationToken = builder.continuationToken;
        this.failedEntryResponses = Values.list(builder.failedEntryResponses);
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
     * Reads a BatchFailedEntriesResponse from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchFailedEntriesResponse fromJson(String json) {
        return Json.parseObject(json, BatchFailedEntriesResponse.class);
    }

    /** This object as compact JSON: null members omitted, unknown members written back. */
    public String toJson() {
        return Json.write(this);
    }

    /** Token for the next page; absent, null or empty on the last page. */
    public String continuationToken() {
        return continuationToken;
    }

    /** The failed recipients on this page. */
    public List<BatchFailedEntry> failedEntryResponses() {
        return Values.orEmpty(failedEntryResponses);
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
        if (!(o instanceof BatchFailedEntriesResponse other)) {
            return false;
        }
        return Objects.equals(continuationToken, other.continuationToken)
                && Objects.equals(failedEntryResponses, other.failedEntryResponses)
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(continuationToken, failedEntryResponses, properties);
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builder for {@link BatchFailedEntriesResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder {

        @JsonProperty("continuationToken")
        private String continuationToken;
        @JsonProperty("failedEntryResponses")
        private List<BatchFailedEntry> failedEntryResponses;
        private Map<String, Object> properties;

        private Builder() {
        }

        private Builder(BatchFailedEntriesResponse source) {
            this.continuationToken = source.continuationToken;
            this.failedEntryResponses = source.failedEntryResponses == null ? null : new ArrayList<>(source.failedEntryResponses);
            this.properties = Values.mutableProperties(source.properties);
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

        /** The immutable BatchFailedEntriesResponse. */
        public BatchFailedEntriesResponse build() {
            return new BatchFailedEntriesResponse(this);
        }
    }
}

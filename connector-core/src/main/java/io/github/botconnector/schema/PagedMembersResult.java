package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One page of {@code GET /v3/conversations/{id}/pagedmembers}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = PagedMembersResult.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class PagedMembersResult extends JsonModel {

    @JsonProperty("continuationToken")
    private final String continuationToken;
    @JsonProperty("members")
    private final List<ChannelAccount> members;

    private PagedMembersResult(Builder builder) {
        super(builder);
        this.continuationToken = builder.continuationToken;
        this.members = Values.list(builder.members);
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
     * Reads a PagedMembersResult from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static PagedMembersResult fromJson(String json) {
        return Json.parseObject(json, PagedMembersResult.class);
    }

    /** Token for the next page; absent (or empty) on the last page. */
    public String continuationToken() {
        return continuationToken;
    }

    /** Members on this page (Teams adds fields such as {@code objectId}, kept in each account's properties). */
    public List<ChannelAccount> members() {
        return Values.orEmpty(members);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PagedMembersResult other)) {
            return false;
        }
        return Objects.equals(continuationToken, other.continuationToken)
                && Objects.equals(members, other.members)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(continuationToken, members, properties());
    }

    /** Builder for {@link PagedMembersResult}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("continuationToken")
        private String continuationToken;
        @JsonProperty("members")
        private List<ChannelAccount> members;

        private Builder() {
        }

        private Builder(PagedMembersResult source) {
            super(source);
            this.continuationToken = source.continuationToken;
            this.members = source.members == null ? null : new ArrayList<>(source.members);
        }

        /** Token for the next page; absent (or empty) on the last page. */
        public Builder continuationToken(String continuationToken) {
            this.continuationToken = continuationToken;
            return this;
        }

        /** Members on this page (Teams adds fields such as {@code objectId}, kept in each account's properties). */
        public Builder members(List<ChannelAccount> members) {
            this.members = members == null ? null : new ArrayList<>(members);
            return this;
        }

        /** Members on this page (Teams adds fields such as {@code objectId}, kept in each account's properties). */
        public Builder members(ChannelAccount... members) {
            this.members = members == null ? null : new ArrayList<>(Arrays.asList(members));
            return this;
        }

        /** The immutable PagedMembersResult. */
        public PagedMembersResult build() {
            return new PagedMembersResult(this);
        }
    }
}

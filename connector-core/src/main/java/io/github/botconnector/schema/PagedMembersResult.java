package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * One page of {@code GET /v3/conversations/{id}/pagedmembers}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = PagedMembersResult.Builder.class)
public final class PagedMembersResult extends JsonModel {

    private final String continuationToken;
    private final List<ChannelAccount> members;

    private PagedMembersResult(Builder builder) {
        super(builder);
        this.continuationToken = builder.continuationToken;
        this.members = copyOf(builder.members);
    }

    /**
     * Reads a paged members result from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static PagedMembersResult fromJson(String json) {
        return parse(json, PagedMembersResult.class);
    }

    /** Token for the next page; absent (or empty) on the last page. */
    public String continuationToken() {
        return continuationToken;
    }

    /** Members on this page (Teams adds fields such as {@code objectId}, kept in each account's properties). */
    public List<ChannelAccount> members() {
        return orEmpty(members);
    }

    @Override
    protected Object[] values() {
        return new Object[] {continuationToken, members};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String continuationToken;
        private List<ChannelAccount> members;

        private Builder() {
        }

        PagedMembersResult build() {
            return new PagedMembersResult(this);
        }
    }
}

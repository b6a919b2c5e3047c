package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * One page of {@code GET /v3/conversations/{id}/pagedmembers} with Teams member details.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TeamsPagedMembersResult.Builder.class)
public final class TeamsPagedMembersResult extends JsonModel {

    private final String continuationToken;
    private final List<TeamsChannelAccount> members;

    private TeamsPagedMembersResult(Builder builder) {
        super(builder);
        this.continuationToken = builder.continuationToken;
        this.members = copyOf(builder.members);
    }

    /**
     * Reads a Teams paged members result from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamsPagedMembersResult fromJson(String json) {
        return parse(json, TeamsPagedMembersResult.class);
    }

    /** Token for the next page; absent (or empty) on the last page. */
    public String continuationToken() {
        return continuationToken;
    }

    /** Members on this page. */
    public List<TeamsChannelAccount> members() {
        return orEmpty(members);
    }

    @Override
    protected Object[] values() {
        return new Object[] {continuationToken, members};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String continuationToken;
        private List<TeamsChannelAccount> members;

        private Builder() {
        }

        TeamsPagedMembersResult build() {
            return new TeamsPagedMembersResult(this);
        }
    }
}

package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * The Microsoft Entra tenant of a Teams activity ({@code channelData.tenant}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TenantInfo.Builder.class)
public final class TenantInfo extends JsonModel {

    private final String id;

    private TenantInfo(Builder builder) {
        super(builder);
        this.id = builder.id;
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
     * Reads tenant info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TenantInfo fromJson(String json) {
        return parse(json, TenantInfo.class);
    }

    /** Tenant id (a GUID). */
    public String id() {
        return id;
    }

    /** A tenant with only an id. */
    public static TenantInfo of(String id) {
        return builder().id(id).build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {id};
    }

    /** Builder for {@link TenantInfo}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String id;

        private Builder() {
        }

        private Builder(TenantInfo source) {
            super(source);
            this.id = source.id;
        }

        /** Tenant id (a GUID). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The immutable TenantInfo. */
        public TenantInfo build() {
            return new TenantInfo(this);
        }
    }
}

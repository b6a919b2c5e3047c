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
import java.util.Objects;

/**
 * The Microsoft Entra tenant of a Teams activity ({@code channelData.tenant}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = TenantInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TenantInfo extends JsonModel {

    @JsonProperty("id")
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
     * Reads a TenantInfo from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TenantInfo fromJson(String json) {
        return Json.parseObject(json, TenantInfo.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TenantInfo other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, properties());
    }

    /** Builder for {@link TenantInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("id")
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

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
 * The user on whose behalf a bot acts (meeting notifications and messages {@code channelData.onBehalfOf}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = OnBehalfOf.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OnBehalfOf extends JsonModel {

    @JsonProperty("itemid")
    private final Integer itemId;
    @JsonProperty("mentionType")
    private final String mentionType;
    @JsonProperty("mri")
    private final String mri;
    @JsonProperty("displayName")
    private final String displayName;

    private OnBehalfOf(Builder builder) {
        super(builder);
        this.itemId = builder.itemId;
        this.mentionType = builder.mentionType;
        this.mri = builder.mri;
        this.displayName = builder.displayName;
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
     * Reads a OnBehalfOf from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static OnBehalfOf fromJson(String json) {
        return Json.parseObject(json, OnBehalfOf.class);
    }

    /** Id of the item, usually {@code 0}. */
    public Integer itemId() {
        return itemId;
    }

    /** Type of the mention, usually {@code person}. */
    public String mentionType() {
        return mentionType;
    }

    /** Teams id ({@code 29:...}) of the user. */
    public String mri() {
        return mri;
    }

    /** Display name of the user. */
    public String displayName() {
        return displayName;
    }

    /** A {@code person} entry for {@code mri} with item id {@code 0}. */
    public static OnBehalfOf person(String mri, String displayName) {
        return builder().itemId(0).mentionType("person").mri(mri).displayName(displayName).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OnBehalfOf other)) {
            return false;
        }
        return Objects.equals(itemId, other.itemId)
                && Objects.equals(mentionType, other.mentionType)
                && Objects.equals(mri, other.mri)
                && Objects.equals(displayName, other.displayName)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemId, mentionType, mri, displayName, properties());
    }

    /** Builder for {@link OnBehalfOf}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("itemid")
        private Integer itemId;
        @JsonProperty("mentionType")
        private String mentionType;
        @JsonProperty("mri")
        private String mri;
        @JsonProperty("displayName")
        private String displayName;

        private Builder() {
        }

        private Builder(OnBehalfOf source) {
            super(source);
            this.itemId = source.itemId;
            this.mentionType = source.mentionType;
            this.mri = source.mri;
            this.displayName = source.displayName;
        }

        /** Id of the item, usually {@code 0}. */
        public Builder itemId(Integer itemId) {
            this.itemId = itemId;
            return this;
        }

        /** Type of the mention, usually {@code person}. */
        public Builder mentionType(String mentionType) {
            this.mentionType = mentionType;
            return this;
        }

        /** Teams id ({@code 29:...}) of the user. */
        public Builder mri(String mri) {
            this.mri = mri;
            return this;
        }

        /** Display name of the user. */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** The immutable OnBehalfOf. */
        public OnBehalfOf build() {
            return new OnBehalfOf(this);
        }
    }
}

package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * The user on whose behalf a bot acts (meeting notifications and messages {@code channelData.onBehalfOf}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = OnBehalfOf.Builder.class)
public final class OnBehalfOf extends JsonModel {

    private final Integer itemid; // spelled as the JSON member
    private final String mentionType;
    private final String mri;
    private final String displayName;

    private OnBehalfOf(Builder builder) {
        super(builder);
        this.itemid = builder.itemid;
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
     * Reads an on-behalf-of entry from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static OnBehalfOf fromJson(String json) {
        return parse(json, OnBehalfOf.class);
    }

    /** Id of the item, usually {@code 0}. */
    public Integer itemId() {
        return itemid;
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
    protected Object[] values() {
        return new Object[] {itemid, mentionType, mri, displayName};
    }

    /** Builder for {@link OnBehalfOf}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private Integer itemid;
        private String mentionType;
        private String mri;
        private String displayName;

        private Builder() {
        }

        private Builder(OnBehalfOf source) {
            super(source);
            this.itemid = source.itemid;
            this.mentionType = source.mentionType;
            this.mri = source.mri;
            this.displayName = source.displayName;
        }

        /** Id of the item, usually {@code 0}. */
        public Builder itemId(Integer itemId) {
            this.itemid = itemId;
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

package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Objects;

/**
 * A {@code mention} entity: put {@link #text()} (for example {@code <at>Adele Vance</at>}) in the message text and
 * this entity in its entities; Teams ignores a mention whose text does not appear in the message.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = Mention.Builder.class)
public final class Mention extends JsonModel {

    private final String type;
    private final ChannelAccount mentioned;
    private final String text;

    private Mention(Builder builder) {
        super(builder);
        this.type = builder.type;
        this.mentioned = builder.mentioned;
        this.text = builder.text;
    }

    /**
     * A new builder with {@link #type()} already {@code mention} (Teams and the Emulator refuse a mention entity
     * without it, with 400 {@code BadArgument}).
     */
    public static Builder builder() {
        return new Builder().type(TYPE);
    }

    /** A builder that starts with this object's values, unknown members included. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a mention from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static Mention fromJson(String json) {
        return parse(json, Mention.class);
    }

    /** Always {@code mention}. */
    public String type() {
        return type;
    }

    /** The mentioned account. */
    public ChannelAccount mentioned() {
        return mentioned;
    }

    /** The text of the mention as it appears in the message, usually {@code <at>Name</at>}. */
    public String text() {
        return text;
    }

    /** The entity type of mentions. */
    public static final String TYPE = "mention";

    /** A mention of {@code account} written as {@code <at>name</at>} (the name XML-escaped). */
    public static Mention of(ChannelAccount account) {
        Objects.requireNonNull(account, "account");
        String name = account.name() != null ? account.name() : account.id();
        return builder().type(TYPE).mentioned(account).text("<at>" + escapeXml(name) + "</at>").build();
    }

    /** This mention as a generic {@link Entity}, ready for {@link Activity.Builder#entities(java.util.List)}. */
    public Entity toEntity() {
        return convert(this, Entity.class);
    }

    /** The mention in {@code entity}. */
    public static Mention from(Entity entity) {
        return entity.as(Mention.class);
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    protected Object[] values() {
        return new Object[] {type, mentioned, text};
    }

    /** Builder for {@link Mention}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String type;
        private ChannelAccount mentioned;
        private String text;

        /** Used by JSON reading, which must not add a {@code type} the JSON did not have (lossless). */
        private Builder() {
        }

        private Builder(Mention source) {
            super(source);
            this.type = source.type;
            this.mentioned = source.mentioned;
            this.text = source.text;
        }

        /** The entity type; {@link Mention#builder()} starts with {@code mention}, the only value Teams accepts. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The mentioned account. */
        public Builder mentioned(ChannelAccount mentioned) {
            this.mentioned = mentioned;
            return this;
        }

        /** The text of the mention as it appears in the message, usually {@code <at>Name</at>}. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** The immutable Mention. */
        public Mention build() {
            return new Mention(this);
        }
    }
}

package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Map;

/**
 * A clickable action on a card or in suggested actions.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = CardAction.Builder.class)
public final class CardAction extends JsonModel {

    private final String type;
    private final String title;
    private final String image;
    private final String imageAltText;
    private final String text;
    private final String displayText;
    private final Object value;
    private final Object channelData;

    private CardAction(Builder builder) {
        super(builder);
        this.type = builder.type;
        this.title = builder.title;
        this.image = builder.image;
        this.imageAltText = builder.imageAltText;
        this.text = builder.text;
        this.displayText = builder.displayText;
        this.value = freeze(builder.value);
        this.channelData = freeze(builder.channelData);
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
     * Reads a card action from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static CardAction fromJson(String json) {
        return parse(json, CardAction.class);
    }

    /** Action type ({@code imBack}, {@code openUrl}, {@code messageBack}, ...; see {@link ActionTypes}). */
    public String type() {
        return type;
    }

    /** Text of the button. */
    public String title() {
        return title;
    }

    /** Image URL shown on the button. */
    public String image() {
        return image;
    }

    /** Alternative text of the image. */
    public String imageAltText() {
        return imageAltText;
    }

    /** Text sent to the bot (messageBack). */
    public String text() {
        return text;
    }

    /** Text shown in the chat when the action is clicked. */
    public String displayText() {
        return displayText;
    }

    /** Value of the action (a URL, text, or a JSON object). */
    public Object value() {
        return value;
    }

    /**
     * {@code value} converted to {@code type} (a model class, {@code Map}, or any Jackson-readable class).
     *
     * @return the converted value, or {@code null} when absent
     * @throws JsonFormatException if the value does not fit the type
     */
    public <T> T value(Class<T> type) {
        return convert(value, type);
    }

    /** Channel-specific data of the action. */
    public Object channelData() {
        return channelData;
    }

    /**
     * {@code channelData} converted to {@code type} (a model class, {@code Map}, or any Jackson-readable class).
     *
     * @return the converted value, or {@code null} when absent
     * @throws JsonFormatException if the value does not fit the type
     */
    public <T> T channelData(Class<T> type) {
        return convert(channelData, type);
    }

    @Override
    protected Object[] values() {
        return new Object[] {type, title, image, imageAltText, text, displayText, value, channelData};
    }

    /** Builder for {@link CardAction}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String type;
        private String title;
        private String image;
        private String imageAltText;
        private String text;
        private String displayText;
        private Object value;
        private Object channelData;

        private Builder() {
        }

        private Builder(CardAction source) {
            super(source);
            this.type = source.type;
            this.title = source.title;
            this.image = source.image;
            this.imageAltText = source.imageAltText;
            this.text = source.text;
            this.displayText = source.displayText;
            this.value = source.value;
            this.channelData = source.channelData;
        }

        /** Action type ({@code imBack}, {@code openUrl}, {@code messageBack}, ...; see {@link ActionTypes}). */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Text of the button. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Image URL shown on the button. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** Alternative text of the image. */
        public Builder imageAltText(String imageAltText) {
            this.imageAltText = imageAltText;
            return this;
        }

        /** Text sent to the bot (messageBack). */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Text shown in the chat when the action is clicked. */
        public Builder displayText(String displayText) {
            this.displayText = displayText;
            return this;
        }

        /** Value of the action (a URL, text, or a JSON object). */
        public Builder value(Object value) {
            this.value = value;
            return this;
        }

        /** Channel-specific data of the action. */
        public Builder channelData(Object channelData) {
            this.channelData = channelData;
            return this;
        }

        /** The immutable CardAction. */
        public CardAction build() {
            return new CardAction(this);
        }
    }
}

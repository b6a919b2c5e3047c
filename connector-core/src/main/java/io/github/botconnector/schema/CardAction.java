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
import java.util.Map;
import java.util.Objects;

/**
 * A clickable action on a card or in suggested actions.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = CardAction.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CardAction extends JsonModel {

    @JsonProperty("type")
    private final String type;
    @JsonProperty("title")
    private final String title;
    @JsonProperty("image")
    private final String image;
    @JsonProperty("imageAltText")
    private final String imageAltText;
    @JsonProperty("text")
    private final String text;
    @JsonProperty("displayText")
    private final String displayText;
    @JsonProperty("value")
    private final Object value;
    @JsonProperty("channelData")
    private final Object channelData;

    private CardAction(Builder builder) {
        super(builder);
        this.type = builder.type;
        this.title = builder.title;
        this.image = builder.image;
        this.imageAltText = builder.imageAltText;
        this.text = builder.text;
        this.displayText = builder.displayText;
        this.value = Values.freeze(builder.value);
        this.channelData = Values.freeze(builder.channelData);
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
     * Reads a CardAction from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static CardAction fromJson(String json) {
        return Json.parseObject(json, CardAction.class);
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
        return value == null ? null : Json.convert(value, type);
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
        return channelData == null ? null : Json.convert(channelData, type);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CardAction other)) {
            return false;
        }
        return Objects.equals(type, other.type)
                && Objects.equals(title, other.title)
                && Objects.equals(image, other.image)
                && Objects.equals(imageAltText, other.imageAltText)
                && Objects.equals(text, other.text)
                && Objects.equals(displayText, other.displayText)
                && Objects.equals(value, other.value)
                && Objects.equals(channelData, other.channelData)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, title, image, imageAltText, text, displayText, value, channelData, properties());
    }

    /** Builder for {@link CardAction}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("type")
        private String type;
        @JsonProperty("title")
        private String title;
        @JsonProperty("image")
        private String image;
        @JsonProperty("imageAltText")
        private String imageAltText;
        @JsonProperty("text")
        private String text;
        @JsonProperty("displayText")
        private String displayText;
        @JsonProperty("value")
        private Object value;
        @JsonProperty("channelData")
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

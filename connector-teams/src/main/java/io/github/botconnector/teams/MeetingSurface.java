package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a targeted meeting notification appears: the meeting stage ({@code meetingStage}, a task module
 * with a URL) or the app icon of a meeting tab ({@code meetingTabIcon}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = MeetingSurface.Builder.class)
public final class MeetingSurface extends JsonModel {

    private final String surface;
    private final String contentType;
    private final Object content;
    private final String tabEntityId;

    private MeetingSurface(Builder builder) {
        super(builder);
        this.surface = builder.surface;
        this.contentType = builder.contentType;
        this.content = freeze(builder.content);
        this.tabEntityId = builder.tabEntityId;
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
     * Reads a meeting surface from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingSurface fromJson(String json) {
        return parse(json, MeetingSurface.class);
    }

    /** {@code meetingStage} or {@code meetingTabIcon}. */
    public String surface() {
        return surface;
    }

    /** Content type of a stage surface: {@code task}. */
    public String contentType() {
        return contentType;
    }

    /** Content of a stage surface: a {@code value} object with {@code height}, {@code width}, {@code title} and {@code url}. */
    public Object content() {
        return content;
    }

    /**
     * {@code content} converted to {@code type} (a model class, {@code Map}, or any Jackson-readable class).
     *
     * @param <T> the target type
     * @param type the target class
     * @return the converted value, or {@code null} when absent
     * @throws JsonFormatException if the value does not fit the type
     */
    public <T> T content(Class<T> type) {
        return convert(content, type);
    }

    /** Entity id of the tab to badge ({@code meetingTabIcon}). */
    public String tabEntityId() {
        return tabEntityId;
    }

    /**
     * A {@code meetingStage} surface showing {@code url} (which must be in the app manifest's {@code validDomains}) in a
     * task module of the given title and size.
     */
    public static MeetingSurface meetingStage(String title, String url, String height, String width) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("height", height);
        value.put("width", width);
        value.put("title", title);
        value.put("url", Objects.requireNonNull(url, "url"));
        return builder().surface("meetingStage").contentType("task").content(Map.of("value", value)).build();
    }

    /** A {@code meetingTabIcon} surface badging the tab {@code tabEntityId}. */
    public static MeetingSurface meetingTabIcon(String tabEntityId) {
        return builder().surface("meetingTabIcon").tabEntityId(Objects.requireNonNull(tabEntityId, "tabEntityId")).build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {surface, contentType, content, tabEntityId};
    }

    /** Builder for {@link MeetingSurface}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String surface;
        private String contentType;
        private Object content;
        private String tabEntityId;

        private Builder() {
        }

        private Builder(MeetingSurface source) {
            super(source);
            this.surface = source.surface;
            this.contentType = source.contentType;
            this.content = source.content;
            this.tabEntityId = source.tabEntityId;
        }

        /** {@code meetingStage} or {@code meetingTabIcon}. */
        public Builder surface(String surface) {
            this.surface = surface;
            return this;
        }

        /** Content type of a stage surface: {@code task}. */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** Content of a stage surface: a {@code value} object with {@code height}, {@code width}, {@code title} and {@code url}. */
        public Builder content(Object content) {
            this.content = content;
            return this;
        }

        /** Entity id of the tab to badge ({@code meetingTabIcon}). */
        public Builder tabEntityId(String tabEntityId) {
            this.tabEntityId = tabEntityId;
            return this;
        }

        /** The immutable MeetingSurface. */
        public MeetingSurface build() {
            return new MeetingSurface(this);
        }
    }
}

package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * Body of {@code POST /v3/conversations/{id}/activities/history}: activities to upload as history.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = Transcript.Builder.class)
public final class Transcript extends JsonModel {

    private final List<Activity> activities;

    private Transcript(Builder builder) {
        super(builder);
        this.activities = copyOf(builder.activities);
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
     * Reads a transcript from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static Transcript fromJson(String json) {
        return parse(json, Transcript.class);
    }

    /** Activities of the transcript, each with a unique id and a timestamp. */
    public List<Activity> activities() {
        return orEmpty(activities);
    }

    @Override
    protected Object[] values() {
        return new Object[] {activities};
    }

    /** Builder for {@link Transcript}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private List<Activity> activities;

        private Builder() {
        }

        private Builder(Transcript source) {
            super(source);
            this.activities = mutableCopy(source.activities);
        }

        /** Activities of the transcript, each with a unique id and a timestamp. */
        public Builder activities(List<Activity> activities) {
            this.activities = mutableCopy(activities);
            return this;
        }

        /** Activities of the transcript, each with a unique id and a timestamp. */
        public Builder activities(Activity... activities) {
            this.activities = mutableCopy(activities);
            return this;
        }

        /** The immutable Transcript. */
        public Transcript build() {
            return new Transcript(this);
        }
    }
}

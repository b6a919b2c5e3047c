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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /v3/conversations/{id}/activities/history}: activities to upload as history.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = Transcript.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Transcript extends JsonModel {

    @JsonProperty("activities")
    private final List<Activity> activities;

    private Transcript(Builder builder) {
        super(builder);
        this.activities = Values.list(builder.activities);
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
     * Reads a Transcript from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static Transcript fromJson(String json) {
        return Json.parseObject(json, Transcript.class);
    }

    /** Activities of the transcript, each with a unique id and a timestamp. */
    public List<Activity> activities() {
        return Values.orEmpty(activities);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Transcript other)) {
            return false;
        }
        return Objects.equals(activities, other.activities)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(activities, properties());
    }

    /** Builder for {@link Transcript}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("activities")
        private List<Activity> activities;

        private Builder() {
        }

        private Builder(Transcript source) {
            super(source);
            this.activities = source.activities == null ? null : new ArrayList<>(source.activities);
        }

        /** Activities of the transcript, each with a unique id and a timestamp. */
        public Builder activities(List<Activity> activities) {
            this.activities = activities == null ? null : new ArrayList<>(activities);
            return this;
        }

        /** Activities of the transcript, each with a unique id and a timestamp. */
        public Builder activities(Activity... activities) {
            this.activities = activities == null ? null : new ArrayList<>(Arrays.asList(activities));
            return this;
        }

        /** The immutable Transcript. */
        public Transcript build() {
            return new Transcript(this);
        }
    }
}

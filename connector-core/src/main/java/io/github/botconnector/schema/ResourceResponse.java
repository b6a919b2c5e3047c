package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;

/**
 * Id of a resource the service created (an activity, an attachment). Teams activity ids are numeric strings.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ResourceResponse.Builder.class)
public final class ResourceResponse extends JsonModel {

    static {
        // {"id":"..."} is what every send answers: read it without the mapper (same result, unknown members and
        // anything unusual still go through the mapper).
        Json.setShapeReader(ResourceResponse.class, json -> {
            String id = Json.onlyStringMember(json, "id");
            if (id == null) {
                return null;
            }
            Builder b = new Builder();
            b.id = id;
            return b.build();
        });
    }

    private final String id;

    private ResourceResponse(Builder builder) {
        super(builder);
        this.id = builder.id;
    }

    /**
     * Reads a resource response from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ResourceResponse fromJson(String json) {
        return parse(json, ResourceResponse.class);
    }

    /** Id of the created resource. */
    public String id() {
        return id;
    }

    @Override
    protected Object[] values() {
        return new Object[] {id};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String id;

        private Builder() {
        }

        ResourceResponse build() {
            return new ResourceResponse(this);
        }
    }
}

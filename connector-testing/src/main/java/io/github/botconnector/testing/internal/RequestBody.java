package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * A request body, read before the service's lock is taken so that concurrent requests parse and check in parallel:
 * its text, its JSON tree (or why it is not JSON), and for a body that is an activity what
 * {@link FakeService#checkActivity} derives from it without looking at the world (whether the SDK's {@code Activity}
 * model reads it). The rules still run in the same order under the lock; they only take these
 * results instead of computing them again.
 */
final class RequestBody {

    final byte[] bytes;
    final String text;
    private final JsonNode json;
    private final RuntimeException notJson;
    private final boolean checked;
    private final RuntimeException invalid;

    private RequestBody(byte[] bytes, String text, JsonNode json, RuntimeException notJson, boolean checked,
                        RuntimeException invalid) {
        this.bytes = bytes;
        this.text = text;
        this.json = json;
        this.notJson = notJson;
        this.checked = checked;
        this.invalid = invalid;
    }

    /**
     * Reads a body.
     *
     * @param activity whether the request is about to post or update an activity (then its checks are made now)
     */
    static RequestBody read(byte[] bytes, boolean activity, FakeService service) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode json = null;
        RuntimeException notJson = null;
        try {
            json = Json2.parse(text);
        } catch (RuntimeException e) {
            notJson = ApiError.of(400, "BadSyntax", "The request body is not valid JSON: " + e.getMessage());
        }
        boolean checked = activity && json != null && json.isObject();
        RuntimeException invalid = checked ? service.readsAsActivity(json, text) : null;
        return new RequestBody(bytes, text, json, notJson, checked, invalid);
    }

    /** The body as JSON; a body that is not JSON answers 400 BadSyntax. */
    JsonNode json() {
        if (notJson != null) {
            throw notJson;
        }
        return json;
    }

    /** Whether {@code node} is this body's activity, checked when the body was read. */
    boolean checked(JsonNode node) {
        return checked && node == json;
    }

    /** Why the SDK's model refused this body's activity ({@code null}: it read it); see {@link #checked}. */
    RuntimeException invalid() {
        return invalid;
    }
}

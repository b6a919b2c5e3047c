package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the fake is about to send. */
public final class Reply {
    final int status;
    final String body;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();
    String note;
    byte[] raw;

    Reply(int status, String body, String contentType) {
        this.status = status;
        this.body = body == null ? "" : body;
        this.contentType = contentType;
    }

    static Reply json(int status, Object value) {
        return new Reply(status, value instanceof String s ? s : Json2.write(value), "application/json; charset=utf-8");
    }

    /** {@code {"id": id}} (a {@code ResourceResponse}), written without building a tree. */
    static Reply id(int status, String id) {
        return new Reply(status, "{\"id\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(id)) + "\"}",
                "application/json; charset=utf-8");
    }

    static Reply empty(int status) {
        return new Reply(status, "", null);
    }

    /** The Bot Connector {@code ErrorResponse} shape. */
    static Reply error(int status, String code, String message) {
        return json(status, Json2.obj("error", Json2.obj("code", code, "message", message)));
    }

    /** The ASP.NET {@code {"message": ...}} shape. */
    static Reply message(int status, String message) {
        return json(status, Json2.obj("message", message));
    }

    static Reply bytes(int status, byte[] raw, String contentType) {
        Reply r = new Reply(status, "", contentType);
        r.raw = raw;
        return r;
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Reply note(String note) {
        this.note = note;
        return this;
    }
}

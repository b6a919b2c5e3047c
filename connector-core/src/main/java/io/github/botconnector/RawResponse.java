package io.github.botconnector;

import java.util.Objects;

/**
 * The successful answer of a {@linkplain ConnectorClient#rawRequest raw request}: its status and body text. Error
 * statuses never get here; they fail with the client's typed exceptions.
 *
 * @param statusCode the HTTP status (2xx), for example 200, 201, 202 or 207
 * @param body       the body as text, {@code ""} when empty; never {@code null}
 */
public record RawResponse(int statusCode, String body) {

    /**
     * Creates the response.
     *
     * @param statusCode the HTTP status
     * @param body       the body text ({@code null} is read as {@code ""})
     */
    public RawResponse {
        body = Objects.requireNonNullElse(body, "");
    }
}

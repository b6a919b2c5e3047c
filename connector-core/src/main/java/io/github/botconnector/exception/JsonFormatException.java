package io.github.botconnector.exception;

/**
 * Thrown when JSON text cannot be read as a Bot Framework model: malformed JSON, a value that is not an object, or
 * a member of the wrong type. The message names the problem and, where known, the JSON path ({@code $.from.id}).
 */
public class JsonFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String jsonPath;

    public JsonFormatException(String message, String jsonPath) {
        super(message);
        this.jsonPath = jsonPath;
    }

    public JsonFormatException(String message, String jsonPath, Throwable cause) {
        super(message, cause);
        this.jsonPath = jsonPath;
    }

    /** The JSON path of the offending value ({@code $} for the whole document). */
    public String jsonPath() {
        return jsonPath;
    }
}

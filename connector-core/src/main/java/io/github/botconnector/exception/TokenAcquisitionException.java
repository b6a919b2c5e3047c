package io.github.botconnector.exception;


/**
 * A token could not be obtained from Azure AD (or another token source). Carries the Azure AD error code
 * ({@code AADSTS700016}, {@code invalid_client}, ...) when the token service returned one, and a hint that says what
 * to check. Never contains a secret, an assertion or a token.
 */
public class TokenAcquisitionException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int statusCode;

    public TokenAcquisitionException(String message, String errorCode, int statusCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    public TokenAcquisitionException(String message, Throwable cause) {
        this(message, null, 0, cause);
    }

    /** The error code from the token service ({@code AADSTS...} or an OAuth error), or {@code null}. */
    public String errorCode() {
        return errorCode;
    }

    /** HTTP status of the token service's answer, or 0 when none was received. */
    public int statusCode() {
        return statusCode;
    }
}

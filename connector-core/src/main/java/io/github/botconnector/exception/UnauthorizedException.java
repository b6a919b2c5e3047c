package io.github.botconnector.exception;

/**
 * HTTP 401 even after one token refresh: the service did not accept the bot's token. The message names the likely
 * cause: app type (single- versus multi-tenant), tenant, cloud and scope, and what the token claimed.
 */
public class UnauthorizedException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    the diagnosis: app type, tenant, cloud
     */
    public UnauthorizedException(Details details, String hint) {
        super(details, hint);
    }
}

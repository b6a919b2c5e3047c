package io.github.botconnector.exception;

/**
 * A request was refused before any connection was made because its URL may not receive the bot's token: not https,
 * user info in the URL, a non-default port, an IP literal, or a host that is not a known Bot Connector host. The
 * message says which rule failed and how to allow a legitimate host
 * ({@link io.github.botconnector.auth.TrustedHosts.Builder#addHost(String)}).
 */
public class UntrustedHostException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String host;

    /**
     * Creates the exception.
     *
     * @param host    the refused host (may be {@code null} when the URL could not be parsed)
     * @param message what was refused, why, and what to do
     */
    public UntrustedHostException(String host, String message) {
        super(message);
        this.host = host;
    }

    /** The refused host, or {@code null} when the URL could not be parsed. */
    public String host() {
        return host;
    }
}

package io.github.botconnector.exception;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP 403 {@code InvalidBotApiHost}: the conversation belongs to another Teams environment than the service URL
 * used (for example a GCC tenant reached through the public endpoint). Teams names the right host in its message
 * ({@link #suggestedServiceUrl()}); update the stored service URL, using the
 * {@link io.github.botconnector.auth.BotCloud} preset of that environment when it is another cloud, and send again.
 */
public class InvalidBotApiHostException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    private static final Pattern SUGGESTED_URL = Pattern.compile("https://[A-Za-z0-9.-]+(/[^\\s\"'`]*)?");

    private final String suggestedServiceUrl;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public InvalidBotApiHostException(Details details, String hint) {
        super(details, hint);
        this.suggestedServiceUrl = suggestedServiceUrl(details.serviceMessage());
    }

    /**
     * The https URL the service told the bot to call instead (from its message, e.g.
     * {@code https://smba.infra.gcc.teams.microsoft.com}), or {@code null} when the message names none.
     */
    public String suggestedServiceUrl() {
        return suggestedServiceUrl;
    }

    private static String suggestedServiceUrl(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = SUGGESTED_URL.matcher(message);
        if (!m.find()) {
            return null;
        }
        String url = m.group();
        while (url.endsWith(".") || url.endsWith(",") || url.endsWith(")")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }
}

package io.github.botconnector.spring;

import io.github.botconnector.ConnectorListener;
import io.github.botconnector.auth.TokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bot's health, for the Actuator health indicator ({@code /actuator/health/botConnector}) or any other check:
 * whether a token can be obtained now, and the outcome of the last Bot Connector call. A {@link ConnectorListener}
 * on the starter's {@code ConnectorClient}.
 *
 * <p>Down when no token can be obtained or the last call was refused with 401 (the credential or app registration
 * is wrong); a throttled or failing Teams service does not make the application unhealthy, it shows in the details.
 */
public class BotConnectorHealth implements ConnectorListener {

    /**
     * A health check result.
     *
     * @param up      whether the bot can send
     * @param details what was checked: {@code token}, {@code lastCall}, {@code lastCallStatus}, {@code lastCallAt},
     *                {@code error}
     */
    public record Snapshot(boolean up, Map<String, Object> details) {
    }

    private record LastCall(String outcome, int status, Instant at) {
    }

    private final TokenProvider tokens;
    private final Clock clock;
    private volatile LastCall lastCall;

    /**
     * A health check over {@code tokens}.
     *
     * @param tokens the bot's credential
     */
    public BotConnectorHealth(TokenProvider tokens) {
        this(tokens, Clock.systemUTC());
    }

    /**
     * A health check over {@code tokens} with a clock for the time of the last call.
     *
     * @param tokens the bot's credential
     * @param clock  the clock
     */
    public BotConnectorHealth(TokenProvider tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks now: asks the credential for a token (cached tokens make this cheap) and reports the last call.
     *
     * @return the result; never contains a token or secret
     */
    public Snapshot check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        try {
            tokens.getToken();
            details.put("token", "obtained");
        } catch (RuntimeException e) {
            up = false;
            details.put("token", "failed");
            details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        LastCall last = lastCall;
        if (last == null) {
            details.put("lastCall", "none yet");
        } else {
            details.put("lastCall", last.outcome());
            if (last.status() > 0) {
                details.put("lastCallStatus", last.status());
            }
            details.put("lastCallAt", last.at().toString());
            if (last.status() == 401) {
                up = false;
                details.put("error", "the Bot Connector refused the bot's token (401): check the app id, tenant,"
                        + " app type and cloud");
            }
        }
        return new Snapshot(up, details);
    }

    @Override
    public void callEnd(Request request, int status, Duration duration) {
        lastCall = new LastCall(status < 400 ? "success" : "failure", status, clock.instant());
    }

    @Override
    public void callFailed(Request request, RuntimeException failure, Duration duration) {
        lastCall = new LastCall("failure: " + failure.getClass().getSimpleName(), 0, clock.instant());
    }

    @Override
    public String toString() {
        return "BotConnectorHealth[lastCall=" + lastCall + "]";
    }
}

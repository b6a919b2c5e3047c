package io.github.botconnector.examples;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.teams.DirectConversation;
import io.github.botconnector.teams.GraphClient;
import io.github.botconnector.teams.GraphUser;
import io.github.botconnector.teams.ReachResult;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * Runs the Graph examples' flows against real Teams and Microsoft Graph and prints what happened: resolve a test
 * person's e-mail address, reach them ({@link EmailMessage}; the app is installed only with
 * {@code BOT_LIVE_INSTALL=true}), then message them by the "address" form ({@link AddressMessage}: object id,
 * tenant id, service URL, one call). Without {@code BOT_APP_ID} and {@code BOT_LIVE_EMAIL} it does nothing and says
 * so. Run it with {@code mvn -q -Plive package} (never part of {@code mvn verify}).
 *
 * <p>Settings: the {@code BOT_*} variables of {@link ExampleConfig}, plus {@code BOT_LIVE_EMAIL} (the e-mail address
 * or UPN of a test person in {@code BOT_TENANT_ID}) and optionally {@code BOT_LIVE_INSTALL=true}.
 */
public final class LiveCheck {

    private LiveCheck() {
    }

    /**
     * Runs the check with {@code env}.
     *
     * @param env environment variables
     * @param out where the report goes
     * @return 0 when every step worked or the check was skipped, 1 otherwise
     */
    static int run(Map<String, String> env, PrintStream out) {
        String email = env.get("BOT_LIVE_EMAIL");
        if (isBlank(env.get("BOT_APP_ID")) || isBlank(email)) {
            out.println("Live check skipped: set BOT_APP_ID (with BOT_APP_PASSWORD, BOT_CERTIFICATE_PEM +"
                    + " BOT_PRIVATE_KEY_PEM or BOT_MANAGED_IDENTITY_CLIENT_ID), BOT_TENANT_ID and BOT_LIVE_EMAIL (a"
                    + " test person's e-mail address) to run the Graph and Teams flows against real services.");
            return 0;
        }
        boolean install = "true".equalsIgnoreCase(env.getOrDefault("BOT_LIVE_INSTALL", "false"));
        try (ExampleConfig config = ExampleConfig.from(env);
             ConnectorClient client = config.newClient();
             GraphClient graph = config.newGraphClient()) {
            out.println("Live check with " + config + ", Graph " + config.cloud().graphEndpoint() + ", install "
                    + (install ? "allowed" : "not allowed"));
            out.println("1. Graph: resolve " + email);
            GraphUser user = graph.findUser(config.tenantId(), email.trim());
            out.println("  object id " + user.id() + ", " + user.displayName() + ", userType " + user.userType());
            out.println("2. E-mail -> message (TeamsReach)");
            ReachResult reached = new EmailMessage(client, graph, config.manifestAppId(), config.bot(), out)
                    .send(config.tenantId(), email.trim(), Activity.message("Live check at " + Instant.now()
                            + ": reached by e-mail."), install);
            if (!reached.isReachable()) {
                out.println("Live check finished: the person is unreachable (" + reached.unreachable() + ");"
                        + " set BOT_LIVE_INSTALL=true to install the app for them.");
                return 1;
            }
            out.println("3. Address form: object id + tenant id + service URL -> message in one call");
            DirectConversation chat = new AddressMessage(client, config.bot(), out).send(config.serviceUrl(),
                    config.tenantId(), user.id(), Activity.message("Live check at " + Instant.now()
                            + ": reached by address."));
            out.println("Live check passed: messages in " + reached.reference().conversation().id() + " and "
                    + chat.conversationId());
            return 0;
        } catch (ConnectorException | IllegalArgumentException e) {
            out.println("Live check failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Runs the check against the process environment. */
    public static void main(String[] args) {
        int status = run(System.getenv(), System.out);
        if (status != 0) {
            System.exit(status);
        }
    }
}

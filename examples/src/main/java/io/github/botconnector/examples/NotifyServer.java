package io.github.botconnector.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.botconnector.exception.BlockedByUserException;
import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.ConversationNotFoundException;
import io.github.botconnector.exception.InboundAuthenticationException;
import io.github.botconnector.auth.BotAuthenticator;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.TeamsActivities;
import io.github.botconnector.teams.messages.OptOut;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.InboundResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A minimal bot that sends proactive messages, on the JDK's built-in HTTP server.
 *
 * <ul>
 *   <li>{@code POST /api/messages} — the bot's messaging endpoint, where Teams posts activities. Every request must
 *       carry a valid Bot Framework JWT ({@link BotAuthenticator}); anything else gets 401 and changes nothing. On an
 *       install (or any message) the conversation reference is stored; on an uninstall it is dropped.</li>
 *   <li>{@code POST /api/notify} — sends a proactive hello to every stored conversation. It is an operator's
 *       trigger, so it answers only requests from this machine.</li>
 * </ul>
 *
 * Run it alone with {@code main}: against the embedded fake connector it receives three installs and one forged
 * request, calls {@code /api/notify} and stops; with Teams settings ({@link ExampleConfig}) it listens on port
 * {@code PORT} (default 3978) until stopped — point the Azure Bot's messaging endpoint at
 * {@code https://<your-tunnel>/api/messages}.
 */
public final class NotifyServer implements AutoCloseable {

    private final HttpServer server;
    private final BotAuthenticator authenticator;
    private final ConnectorClient client;
    private final ReferenceStore references;
    private final PrintStream out;
    private final Set<String> optOuts = ConcurrentHashMap.newKeySet();

    private NotifyServer(HttpServer server, BotAuthenticator authenticator, ConnectorClient client,
                         ReferenceStore references, PrintStream out) {
        this.server = server;
        this.authenticator = authenticator;
        this.client = client;
        this.references = references;
        this.out = out;
    }

    /**
     * Starts the bot on {@code address} (port 0 picks a free port).
     *
     * @param authenticator validates inbound JWTs
     * @param client        sends the proactive messages
     * @param references    where conversation references are kept
     * @param out           where the bot reports what it does
     */
    public static NotifyServer start(InetSocketAddress address, BotAuthenticator authenticator, ConnectorClient client,
                                     ReferenceStore references, PrintStream out) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address, e);
        }
        NotifyServer bot = new NotifyServer(server, authenticator, client, references, out);
        server.createContext("/api/messages", bot::onMessages);
        server.createContext("/api/notify", bot::onNotify);
        server.start();
        return bot;
    }

    /** The messaging endpoint, {@code http://127.0.0.1:PORT/api/messages} when bound to loopback. */
    public String messagesUrl() {
        return baseUrl() + "/api/messages";
    }

    /** The notify trigger, {@code http://127.0.0.1:PORT/api/notify} when bound to loopback. */
    public String notifyUrl() {
        return baseUrl() + "/api/notify";
    }

    private String baseUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The stored conversation references. */
    public ReferenceStore references() {
        return references;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------------------------------------- /api/messages

    private void onMessages(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null) {
                // Teams always signs its requests: an unsigned one is not from Teams.
                out.println("  bot: refused an inbound request (401): no Authorization header");
                unauthorized(exchange);
                return;
            }
            Activity activity;
            try {
                activity = Activity.fromJson(readBody(exchange.getRequestBody()));
            } catch (IllegalArgumentException e) {      // not JSON, or not an activity
                respond(exchange, 400, "");
                return;
            }
            try {
                // Checks signature, issuer, audience (our app id), expiry and that the token was issued for the
                // activity's serviceUrl, so a stored reference can never point the bot's token elsewhere.
                authenticator.authenticate(authorization, activity);
            } catch (InboundAuthenticationException e) {
                out.println("  bot: refused an inbound request (" + e.statusCode() + "): " + e.getMessage());
                if (e.statusCode() == 401) {
                    unauthorized(exchange);
                } else {
                    respond(exchange, e.statusCode(), "");
                }
                return;
            }
            handle(activity);
            // Teams waits for the answer: reply fast and do slow work (sending) elsewhere.
            respond(exchange, 200, "");
        }
    }

    /** What the bot does with an authenticated activity. */
    private void handle(Activity activity) {
        // The reference of the conversation the activity comes from, with its tenant id.
        ConversationReference reference = TeamsActivities.conversationReference(activity);
        Optional<String> optOut = OptOut.topic(activity);
        if (optOut.isPresent()) {
            // The opt-out button of a notification: stop sending that topic to this conversation.
            optOuts.add(optOutKey(reference.conversation().id(), optOut.get()));
            out.println("  bot: " + describe(activity.from()) + " opted out of " + optOut.get() + " notifications in "
                    + reference.conversation().id());
        }
        if (TeamsActivities.isUninstall(activity)) {
            references.remove(reference.conversation().id());
            out.println("  bot: app removed from " + reference.conversation().id() + ", reference dropped");
        } else if (TeamsActivities.isInstall(activity) || activity.isType(ActivityTypes.MESSAGE)) {
            // Store on install, refresh on every message: the service URL can change.
            references.save(reference);
            out.println("  bot: stored reference of conversation " + reference.conversation().id()
                    + " (" + describe(reference.user()) + ", serviceUrl " + reference.serviceUrl() + ")");
        }
    }

    /** Whether the conversation opted out of the notifications of {@code topic} (with a notification's button). */
    public boolean optedOut(String conversationId, String topic) {
        return optOuts.contains(optOutKey(conversationId, topic));
    }

    private static String optOutKey(String conversationId, String topic) {
        return conversationId + "\n" + topic;
    }

    // --------------------------------------------------------------------------------------------- /api/notify

    private void onNotify(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                respond(exchange, 403, "");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "");
                return;
            }
            int sent = sendToAll("Hello from " + Messages.APP_NAME + "! You get this message because you installed"
                    + " the app: this is how it reaches you when something needs your attention. Reply `stop` to"
                    + " turn these messages off.");
            respond(exchange, 200, "{\"sent\":" + sent + ",\"stored\":" + references.size() + "}");
        }
    }

    /**
     * Sends {@code text} to every stored conversation and returns how many messages were delivered. A reference that
     * can no longer be used (bot removed, user blocked the bot, conversation gone) is dropped.
     */
    public int sendToAll(String text) {
        int sent = 0;
        for (ConversationReference reference : references.all()) {
            String conversationId = reference.conversation().id();
            try {
                String id = client.send(reference, Activity.message(text)).id();
                out.println("  bot: sent " + id + " to " + conversationId);
                sent++;
            } catch (BlockedByUserException | BotNotInConversationRosterException | ConversationNotFoundException e) {
                references.remove(conversationId);
                out.println("  bot: " + e.statusCode() + " " + e.errorCode() + " for " + conversationId
                        + ", reference dropped");
            } catch (ConnectorResponseException e) {
                // Anything else (throttling after retries, outage): keep the reference and try again later.
                out.println("  bot: " + e.statusCode() + " " + e.errorCode() + " for " + conversationId + ", kept");
            }
        }
        return sent;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void unauthorized(HttpExchange exchange) throws IOException {
        // Never store or answer anything for an unauthenticated request.
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        respond(exchange, 401, "");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String readBody(InputStream in) throws IOException {
        // Bot Framework activities are at most about 100 KB; refuse anything much larger.
        byte[] bytes = in.readNBytes(1024 * 1024);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String describe(ChannelAccount user) {
        if (user == null) {
            return "team or channel";
        }
        return user.name() != null ? user.name() : user.id();
    }

    // -------------------------------------------------------------------------------------------------- main

    /** Runs the bot: a short scripted session against the embedded fake, or a server for Teams. */
    public static void main(String[] args) throws Exception {
        try (ExampleConfig config = ExampleConfig.fromEnvironment();
             ConnectorClient client = config.newClient()) {
            if (config.fakeConnector().isPresent()) {
                runAgainstFake(config, client, System.out);
            } else {
                serveTeams(config, client, System.out);
            }
        }
    }

    /**
     * The fake plays Teams: it installs the app for three users (signed activities), forges one unsigned request,
     * then {@code /api/notify} is called.
     *
     * @return the bot's answer to {@code /api/notify}
     */
    static String runAgainstFake(ExampleConfig config, ConnectorClient client, PrintStream out) {
        FakeConnector fake = config.fakeConnector().orElseThrow();
        try (NotifyServer bot = start(new InetSocketAddress("127.0.0.1", 0), config.newAuthenticator(), client,
                new ReferenceStore(), out)) {
            out.println("Bot listening at " + bot.messagesUrl());
            for (String name : new String[] {SampleTenant.INSTALLER, SampleTenant.NEW_USER, "Nestor Wilke"}) {
                InboundResult result = fake.inbound(bot.messagesUrl()).installPersonal(fake.user(name));
                out.println("Teams -> bot: install by " + name + " -> HTTP " + result.status());
            }
            // A forged install that would make the bot send its token to another host: refused, nothing stored.
            Activity forged = forgedInstall(config);
            InboundResult unsigned = fake.inbound(bot.messagesUrl()).sendUnsigned(forged);
            InboundResult wronglySigned = fake.inbound(bot.messagesUrl()).sendWithUntrustedSignature(forged);
            out.println("Forged install, unsigned -> HTTP " + unsigned.status() + "; wrongly signed -> HTTP "
                    + wronglySigned.status() + "; references stored: " + bot.references().size());
            String answer = post(bot.notifyUrl());
            out.println("POST /api/notify -> " + answer);
            return answer;
        }
    }

    /** An install event that did not come from Teams: it names another service URL. */
    static Activity forgedInstall(ExampleConfig config) {
        return Activity.builder()
                .type(ActivityTypes.CONVERSATION_UPDATE)
                .id("f:forged")
                .channelId("msteams")
                .serviceUrl("https://attacker.example/teams/")
                .conversation(ConversationAccount.builder().id("a:forged").conversationType("personal")
                        .tenantId(config.tenantId()).build())
                .from(ChannelAccount.of("29:forged", "Mallory"))
                .recipient(config.bot())
                .membersAdded(config.bot())
                .build();
    }

    private static void serveTeams(ExampleConfig config, ConnectorClient client, PrintStream out)
            throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3978"));
        try (NotifyServer bot = start(new InetSocketAddress(port), config.newAuthenticator(), client,
                new ReferenceStore(), out)) {
            out.println("Bot listening on port " + port + " (" + config + ")");
            out.println("Install the app in Teams, then: curl -X POST http://localhost:" + port + "/api/notify");
            new CountDownLatch(1).await();      // until the process is stopped
        }
    }

    /** Posts an empty request and returns the answer's body. */
    static String post(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}

package io.github.botconnector.testing;

import io.github.botconnector.testing.internal.FakeService;
import io.github.botconnector.testing.internal.Seed;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configuration shared by {@link FakeConnector.Builder} and {@link FakeConnectorExtension.Builder}: the bot, the
 * world seed, authentication, rate limits, clock and limits.
 *
 * @param <B> the concrete builder
 */
public abstract class FakeConnectorSettings<B extends FakeConnectorSettings<B>> {

    /** Bot app id of the shared fixtures ({@code 805a9832-b270-4490-a35a-a726f1fc9513}). */
    public static final String FIXTURE_BOT_APP_ID = "805a9832-b270-4490-a35a-a726f1fc9513";
    /** Tenant id of the shared fixtures. */
    public static final String FIXTURE_TENANT_ID = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";

    String botAppId = FIXTURE_BOT_APP_ID;
    String botName = "Contoso Notifier";
    String botPassword = "fake-bot-secret";
    final Map<String, String> extraSecrets = new LinkedHashMap<>();
    final Map<String, java.security.interfaces.RSAPublicKey> clientKeys = new LinkedHashMap<>();
    final List<TenantSpec> tenants = new ArrayList<>();
    AuthMode auth = AuthMode.NONE;
    RateLimits rateLimits = RateLimits.none();
    InstantSource clock = InstantSource.system();
    int maxMessageBytes = 100 * 1024;
    Duration tokenLifetime = Duration.ofHours(1);
    int journalLimit = 50_000;
    int port;
    String botEndpoint;

    FakeConnectorSettings() {
    }

    abstract B self();

    /** The bot's Microsoft App id (default: the fixtures' bot). The bot id is {@code 28:<appId>}. */
    public B botAppId(String appId) {
        this.botAppId = TenantSpec.requireText(appId, "botAppId");
        return self();
    }

    /** The bot's display name (default {@code Contoso Notifier}). */
    public B botName(String name) {
        this.botName = TenantSpec.requireText(name, "botName");
        return self();
    }

    /** The bot's client secret at the fake token endpoint (default {@code fake-bot-secret}). */
    public B botPassword(String secret) {
        this.botPassword = TenantSpec.requireText(secret, "botPassword");
        return self();
    }

    /** Registers another app at the fake token endpoint (its tokens are refused by strict auth: wrong appid). */
    public B registerApp(String appId, String secret) {
        extraSecrets.put(TenantSpec.requireText(appId, "appId"), TenantSpec.requireText(secret, "secret"));
        return self();
    }

    /**
     * Registers the public key of an app's certificate: client assertions ({@code private_key_jwt}, RS256 or PS256)
     * from that app must then be signed with the matching private key, be issued and subject to the app id, have
     * the token endpoint as audience and not be expired. Without a registered key, assertions are checked for
     * {@code iss}, {@code sub}, {@code aud} and {@code exp} only.
     */
    public B clientCertificate(String appId, java.security.interfaces.RSAPublicKey publicKey) {
        clientKeys.put(TenantSpec.requireText(appId, "appId"), Objects.requireNonNull(publicKey, "publicKey"));
        return self();
    }

    /** Adds a tenant. Without any, the fake has one empty tenant with the fixtures' tenant id. */
    public B tenant(Consumer<TenantSpec> customizer) {
        TenantSpec spec = new TenantSpec();
        customizer.accept(spec);
        spec.materialize();
        for (TenantSpec t : tenants) {
            if (t.id().equals(spec.id())) {
                throw new IllegalArgumentException("Tenant " + spec.id() + " is declared twice; give each tenant its own id");
            }
        }
        tenants.add(spec);
        return self();
    }

    /**
     * Seeds the world of the shared fixtures: the fixtures' bot, tenant {@code c603ca06-...}, users Adele Vance, Alex
     * Wilber and Lee Gu with their fixture ids, and team "Contoso Operations" (General, Incidents, Releases) with all
     * three as members, and their group chat "Launch planning" ({@code 19:5397f6f4...@thread.v2}). Nothing is
     * installed; {@code more} may add to the tenant (e.g. install the bot).
     */
    public B contoso(Consumer<TenantSpec> more) {
        botAppId(FIXTURE_BOT_APP_ID);
        botName("Contoso Notifier");
        return tenant(t -> {
            t.id(FIXTURE_TENANT_ID).domain("contoso.example")
                    .user("Adele Vance", u -> u.id("29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6Kvisx"
                                    + "rKPpFFc-mmc1C0Q-4dYbOSAo-6TA").aadObjectId("f47efa0c-83f3-4809-9aa3-697717f94f7e")
                            .personalConversationId("a:1R_0bImEnyH6vtVQNnRxrEN86q9eprIs_DdknLzad7TKuP9GJIdWHda3l2P6q6xU9"
                                    + "NG0fGECJ5wAu5HsgdbngLAxcVzHYtMHqNp4NJqN0kRifUvCng-aAbRIjY104KhM"))
                    .user("Alex Wilber", u -> u.id("29:1m4uh55ItoqJaqUGBZ5NZqUOeAmq5cCmKToycOiZ_wmxWpS6Coz13R0mp6HKT5j"
                            + "ISG4ig3mQaSNTQ74haJ6aEtQ").aadObjectId("b0b43a07-6561-4bd2-a4e3-6aba842d979d"))
                    .user("Lee Gu", u -> u.id("29:1N_IN7S35A-J_G0-6L5vhUgc1ptdTB1HmjqSDFSDpVjwjO4fP0ryUnWdb7Fot6OtaPL-"
                            + "ViYHOrfPvY3gDKHOm_Q").aadObjectId("c2e885db-ef00-4af4-b288-540a8c1ada4a"))
                    .team("Contoso Operations", team -> team
                            .id("19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2")
                            .aadGroupId("aa3f1d74-a5ac-457f-bd4b-4534dfd2b1fb")
                            .channel("Incidents", "19:02462b0293bad658a74848c6bc2239ef@thread.tacv2")
                            .channel("Releases", "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2")
                            .members("Adele Vance", "Alex Wilber", "Lee Gu"))
                    .groupChat("Launch planning", chat -> chat.id("19:5397f6f4e42b01ec4343efed6a4d865f@thread.v2")
                            .members("Adele Vance", "Alex Wilber", "Lee Gu"));
            more.accept(t);
        });
    }

    /** {@link #contoso(Consumer)} with nothing more. */
    public B contoso() {
        return contoso(t -> { });
    }

    /** Authentication mode for Bot Connector calls (default {@link AuthMode#NONE}). */
    public B auth(AuthMode mode) {
        this.auth = Objects.requireNonNull(mode, "mode");
        return self();
    }

    /** Rate limits (default {@link RateLimits#none()}). */
    public B rateLimits(RateLimits limits) {
        this.rateLimits = Objects.requireNonNull(limits, "limits");
        return self();
    }

    /** The fake's clock: activity ids and timestamps, token expiry, rate-limit windows (default: system clock). */
    public B clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** Largest accepted activity, serialized as UTF-8 (default 100 KB); larger ones get 413 MessageSizeTooBig. */
    public B maxMessageBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive, got " + bytes);
        }
        this.maxMessageBytes = bytes;
        return self();
    }

    /** Lifetime of tokens from the fake token endpoint (default 1 hour). */
    public B tokenLifetime(Duration lifetime) {
        this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
        return self();
    }

    /** Most exchanges kept in the journal (default 50,000; older ones are dropped). */
    public B journalLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("journalLimit must be positive, got " + limit);
        }
        this.journalLimit = limit;
        return self();
    }

    /**
     * The bot's messaging endpoint: when the bot gets installed through the fake's Graph routes
     * ({@link FakeConnector#graphUrl()}), the fake posts the install {@code conversationUpdate} there, signed like
     * {@link FakeConnector#inbound(String)} does, without waiting for the answer. Default: none.
     */
    public B botEndpoint(String url) {
        this.botEndpoint = TenantSpec.requireText(url, "botEndpoint");
        return self();
    }

    /** TCP port on 127.0.0.1 (default 0: any free port). */
    public B port(int port) {
        this.port = port;
        return self();
    }

    FakeService.Settings toSettings() {
        List<Seed.Tenant> seeds = new ArrayList<>();
        if (tenants.isEmpty()) {
            seeds.add(new TenantSpec().materialize());
        }
        for (TenantSpec t : tenants) {
            seeds.add(t.materialize());
        }
        Map<String, String> secrets = new LinkedHashMap<>(extraSecrets);
        secrets.put(botAppId, botPassword);
        return new FakeService.Settings(new Seed(botAppId, botName, seeds), clock, auth, rateLimits, secrets, clientKeys,
                maxMessageBytes, tokenLifetime, journalLimit);
    }
}

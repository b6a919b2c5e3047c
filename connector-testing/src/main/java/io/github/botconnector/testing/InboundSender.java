package io.github.botconnector.testing;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.internal.FakeService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Posts inbound activities to a bot's messaging endpoint the way the Teams channel does: JSON body,
 * {@code Authorization: Bearer <channel token>} signed with the key the fake publishes in its OpenID metadata
 * ({@link FakeConnector#openIdMetadataUrl()}, endorsed for {@code msteams}), with {@code iss}
 * {@code https://api.botframework.com}, {@code aud} = the bot's app id and {@code serviceurl} = the activity's
 * service URL. Negative variants post without a token or with a token signed by a key the fake does not publish.
 */
public final class InboundSender {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private final FakeConnector fake;
    private final FakeService service;
    private final String endpoint;

    InboundSender(FakeConnector fake, FakeService service, String endpoint) {
        this.fake = fake;
        this.service = service;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Installs the bot for the user and posts the personal-scope {@code conversationUpdate} (bot and user added). */
    public InboundResult installPersonal(FakeUser user) {
        return send(personalInstallActivity(user));
    }

    private Activity personalInstallActivity(FakeUser user) {
        ConversationReference ref = fake.installBotFor(user);
        return base(ActivityTypes.CONVERSATION_UPDATE, ref, user)
                .membersAdded(ChannelAccount.of(fake.botId()), user.toChannelAccount())
                .build();
    }

    /** Installs the bot for the user and posts {@code installationUpdate} with {@code action: add}. */
    public InboundResult installationUpdate(FakeUser user) {
        ConversationReference ref = fake.installBotFor(user);
        return send(base(ActivityTypes.INSTALLATION_UPDATE, ref, user).action("add").build());
    }

    /** Installs the bot in a team and posts the team {@code conversationUpdate} ({@code teamMemberAdded}). */
    public InboundResult installInTeam(FakeTeam team) {
        return send(teamInstallActivity(team));
    }

    private Activity teamInstallActivity(FakeTeam team) {
        ConversationReference ref = fake.installBotInTeam(team);
        return base(ActivityTypes.CONVERSATION_UPDATE, ref, null)
                .conversation(ref.conversation().toBuilder().name(null).build())
                .membersAdded(ChannelAccount.of(fake.botId()))
                .channelData(Map.of("eventType", "teamMemberAdded",
                        "team", Map.of("id", team.id(), "name", team.name(), "aadGroupId", team.aadGroupId()),
                        "tenant", Map.of("id", team.tenantId()),
                        "settings", Map.of("selectedChannel", Map.of("id", team.id()))))
                .build();
    }

    /** Posts the install event without waiting for the bot's answer (used for installs through Graph). */
    void installAsync(FakeUser user, FakeTeam team) {
        Activity a = user != null ? personalInstallActivity(user) : teamInstallActivity(team);
        Request request = request(a, "Bearer " + service.channelToken(a.serviceUrl(), true));
        fake.http().newCall(request).enqueue(new okhttp3.Callback() {
            @Override
            public void onFailure(okhttp3.Call call, IOException e) {
                // The bot endpoint is down; the install stays in the fake's world.
            }

            @Override
            public void onResponse(okhttp3.Call call, Response response) {
                response.close();
            }
        });
    }

    /** Posts a message from the user in the bot's personal conversation (the bot must be installed for the user). */
    public InboundResult message(FakeUser user, String text) {
        ConversationReference ref = fake.installBotFor(user);
        return send(base(ActivityTypes.MESSAGE, ref, user).text(text).textFormat("plain").build());
    }

    private Activity.Builder base(String type, ConversationReference ref, FakeUser user) {
        ConversationAccount conv = ref.conversation();
        Activity.Builder b = Activity.builder()
                .type(type)
                .id(ActivityTypes.MESSAGE.equals(type) ? service.nextActivityId() : "f:" + UUID.randomUUID())
                .timestamp(OffsetDateTime.ofInstant(service.now(), ZoneOffset.UTC))
                .serviceUrl(ref.serviceUrl())
                .channelId("msteams")
                .conversation(conv)
                .recipient(ChannelAccount.builder().id(fake.botId()).name(ref.bot().name()).build())
                .locale("en-US")
                .channelData(Map.of("tenant", Map.of("id", conv.tenantId())));
        if (user != null) {
            b.from(ChannelAccount.builder().id(user.id()).name(user.name()).aadObjectId(user.aadObjectId()).build());
        }
        return b;
    }

    /** Posts an activity signed with the fake's channel key. */
    public InboundResult send(Activity activity) {
        return post(activity, "Bearer " + service.channelToken(activity.serviceUrl(), true));
    }

    /** Posts an activity without an {@code Authorization} header. */
    public InboundResult sendUnsigned(Activity activity) {
        return post(activity, null);
    }

    /** Posts an activity signed with a key the fake does not publish (same {@code kid}, wrong signature). */
    public InboundResult sendWithUntrustedSignature(Activity activity) {
        return post(activity, "Bearer " + service.channelToken(activity.serviceUrl(), false));
    }

    /** Posts an activity with the given {@code Authorization} header value (or none when {@code null}). */
    public InboundResult sendWithAuthorization(Activity activity, String authorization) {
        return post(activity, authorization);
    }

    private InboundResult post(Activity activity, String authorization) {
        try (Response r = fake.http().newCall(request(activity, authorization)).execute()) {
            ResponseBody body = r.body();
            return new InboundResult(r.code(), body == null ? "" : body.string(), activity);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot post the activity to " + endpoint + ": " + e.getMessage(), e);
        }
    }

    private Request request(Activity activity, String authorization) {
        Request.Builder rb = new Request.Builder().url(endpoint)
                .post(RequestBody.create(activity.toJson(), JSON));
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        String tenant = activity.conversation() == null ? null : activity.conversation().tenantId();
        if (tenant != null) {
            rb.header("x-ms-tenant-id", tenant);
        }
        if (activity.conversation() != null) {
            rb.header("x-ms-conversation-id", activity.conversation().id());
        }
        return rb.build();
    }

    /** The endpoint activities are posted to. */
    public String endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return "InboundSender[" + endpoint + ", " + List.of(fake.botId()) + "]";
    }
}

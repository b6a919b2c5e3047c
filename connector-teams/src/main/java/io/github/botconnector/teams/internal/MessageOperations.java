package io.github.botconnector.teams.internal;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.teams.TeamsRuleException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Targeted messages and reactions over a {@link TeamsHttp}: the Teams rules are checked before any I/O, reactions go
 * through the bot's {@link Pacer}. Not public API.
 */
public final class MessageOperations {

    private static final Map<String, String> TARGETED = Map.of("isTargetedActivity", "true");

    private final TeamsHttp http;
    private final Pacer reactions;

    public MessageOperations(TeamsHttp http, Pacer reactions) {
        this.http = Objects.requireNonNull(http, "http");
        this.reactions = Objects.requireNonNull(reactions, "reactions");
    }

    // ------------------------------------------------------------------------------------------ targeted messages

    public CompletableFuture<ResourceResponse> sendTargeted(ConversationReference reference, ChannelAccount recipient,
                                                            Activity activity) {
        Objects.requireNonNull(reference, "reference");
        String conversationId = reference.conversation() == null ? null : reference.conversation().id();
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("reference.conversation.id is required: store the reference of an inbound "
                    + "activity of the group chat or channel");
        }
        Activity outgoing = reference.applyTo(targetedMessage(recipient, activity));
        String url = reference.serviceUrl();
        TeamsHttp target = url == null || url.isBlank() || url.equals(http.serviceUrl()) ? http : http.withServiceUrl(url);
        return post(target, conversationId, outgoing.toBuilder().recipient(recipient).build());
    }

    public CompletableFuture<ResourceResponse> sendTargeted(String conversationId, ChannelAccount recipient,
                                                            Activity activity) {
        return post(http, conversationId, targetedMessage(recipient, activity));
    }

    private static CompletableFuture<ResourceResponse> post(TeamsHttp target, String conversationId, Activity activity) {
        String path = "v3/conversations/" + ConnectorClient.pathSegment(conversationId, "conversationId")
                + "/activities";
        String json = ConnectorClient.checkActivity(activity);
        return target.send("POST", path, TARGETED, json).thenApply(MessageOperations::resource);
    }

    public CompletableFuture<ResourceResponse> updateTargeted(String conversationId, String activityId, Activity activity) {
        Objects.requireNonNull(activity, "activity");
        if (activity.recipient() != null) {
            throw new TeamsRuleException("An update of a targeted message must not name a recipient: Teams refuses it"
                    + " with 400 'Cannot edit Recipient of Targeted Message'. Leave recipient out of the update; the"
                    + " message stays visible to its original recipient only.");
        }
        requireMessage(activity);
        String json = ConnectorClient.checkActivity(activity);
        return http.send("PUT", activityPath(conversationId, activityId), TARGETED, json)
                .thenApply(MessageOperations::resource);
    }

    public CompletableFuture<Void> deleteTargeted(String conversationId, String activityId) {
        return http.send("DELETE", activityPath(conversationId, activityId), TARGETED, null).thenApply(reply -> null);
    }

    private static Activity targetedMessage(ChannelAccount recipient, Activity activity) {
        Objects.requireNonNull(activity, "activity");
        if (recipient == null || recipient.id() == null || recipient.id().isBlank()) {
            throw new TeamsRuleException("A targeted message needs its recipient: the member of the group chat or"
                    + " channel who alone will see it (its Teams id 29:... or Entra object id)");
        }
        String id = recipient.id();
        if (id.startsWith("28:") || TeamsIds.isChannelId(id) || TeamsIds.isGroupChatId(id) || id.startsWith("a:")
                || TeamsIds.looksLikeEmailOrUpn(id)) {
            throw new TeamsRuleException("The recipient of a targeted message must be a user of the conversation (Teams"
                    + " id 29:... or Entra object id), not a bot, a conversation id or an e-mail address: got '" + id + "'");
        }
        if (activity.recipient() != null && activity.recipient().id() != null && !id.equals(activity.recipient().id())) {
            throw new TeamsRuleException("The activity names recipient " + activity.recipient().id() + " but the"
                    + " targeted message is for " + id + ": pass one recipient");
        }
        requireMessage(activity);
        // Its type and size are checked with the recipient in it, before it is sent.
        return activity.toBuilder().recipient(recipient).build();
    }

    private static void requireMessage(Activity activity) {
        if (activity.type() != null && !activity.isType(ActivityTypes.MESSAGE)) {
            throw new TeamsRuleException("Targeted activities are messages: got type '" + activity.type() + "'");
        }
    }

    // ----------------------------------------------------------------------------------------------------- reactions

    public CompletableFuture<Void> addReaction(String conversationId, String activityId, String reactionType) {
        return reaction("PUT", conversationId, activityId, reactionType);
    }

    public CompletableFuture<Void> removeReaction(String conversationId, String activityId, String reactionType) {
        return reaction("DELETE", conversationId, activityId, reactionType);
    }

    private CompletableFuture<Void> reaction(String method, String conversationId, String activityId, String reactionType) {
        if (reactionType == null || reactionType.isBlank() || reactionType.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("reactionType is required and has no spaces: one of ReactionTypes (like,"
                    + " heart, laugh, surprised, sad, angry) or a Teams reaction id such as 1f44b_wavinghand; got '"
                    + reactionType + "'");
        }
        String path = activityPath(conversationId, activityId) + "/reactions/"
                + ConnectorClient.pathSegment(reactionType, "reactionType");
        if (http.isBlocking()) {
            // Blocking clients run every exchange on the caller's thread, after the pacer's wait too.
            reactions.runBlocking(() -> http.send(method, path, Map.of(), null).join());
            return CompletableFuture.completedFuture(null);
        }
        return reactions.run(() -> http.send(method, path, Map.of(), null)).thenApply(reply -> null);
    }

    private static String activityPath(String conversationId, String activityId) {
        return "v3/conversations/" + ConnectorClient.pathSegment(conversationId, "conversationId") + "/activities/"
                + ConnectorClient.pathSegment(activityId, "activityId");
    }

    private static ResourceResponse resource(TeamsHttp.Reply reply) {
        String body = reply.body();
        return ResourceResponse.fromJson(body == null || body.isBlank() ? "{}" : body);
    }
}

package io.github.botconnector.teams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.Channels;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.teams.BatchMember;
import io.github.botconnector.teams.BatchMessageRequest;
import io.github.botconnector.teams.BatchOperationResponse;
import io.github.botconnector.teams.ChannelInfo;
import io.github.botconnector.teams.ChannelThread;
import io.github.botconnector.teams.DirectConversation;
import io.github.botconnector.teams.TargetedMeetingNotification;
import io.github.botconnector.teams.TeamsActivities;
import io.github.botconnector.teams.TeamsChannelAccount;
import io.github.botconnector.teams.TeamsRuleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and checks the Teams request bodies, and turns responses into results. Pure functions, no I/O; every
 * refusal happens here, before a request is sent. Not public API.
 */
public final class TeamsRequests {

    /** Most recipients Teams accepts in one targeted meeting notification. */
    public static final int MAX_MEETING_NOTIFICATION_RECIPIENTS = 50;

    private static final String UPN_RULE = "Teams doesn't support sending proactive messages using email or UPN";

    private TeamsRequests() {
    }

    // ------------------------------------------------------------------------------------------------ 1:1 chats

    /**
     * The create-conversation body of a 1:1 chat: {@code isGroup false}, exactly one member (id only), {@code tenantId}
     * at the top level and in {@code channelData.tenant.id}, the bot when given, the first message when given.
     */
    public static ConversationParameters directConversation(ChannelAccount bot, ChannelAccount user, String tenantId,
                                                            Activity firstMessage) {
        if (user == null) {
            throw new TeamsRuleException("user is required: pass the account of the user to chat with "
                    + "(its Teams id 29:... from an activity or the member APIs)");
        }
        String userId = recipientId(user);
        requireTenant(tenantId, "a 1:1 chat");
        Map<String, Object> channelData = new LinkedHashMap<>();
        channelData.put("tenant", Map.of("id", tenantId));
        ConversationParameters.Builder b = ConversationParameters.builder()
                .isGroup(Boolean.FALSE)
                .members(ChannelAccount.of(userId))
                .tenantId(tenantId)
                .channelData(channelData);
        if (bot != null) {
            b.bot(botAccount(bot));
        }
        if (firstMessage != null) {
            b.activity(firstMessage);
        }
        ConversationParameters parameters = b.build();
        checkCreateConversation(parameters);
        return parameters;
    }

    /** The id to put in {@code members[0].id}: the Teams id, else the Entra object id; never an e-mail or UPN. */
    static String recipientId(ChannelAccount user) {
        String id = blankToNull(user.id());
        String field = "user.id";
        if (id == null) {
            id = blankToNull(user.aadObjectId());
            field = "user.aadObjectId";
        }
        if (id == null) {
            throw new TeamsRuleException("user.id is required: pass the user's Teams id (29:...) from an inbound "
                    + "activity or the member APIs, or the user's Microsoft Entra object id (works only when the app is "
                    + "installed for the user)");
        }
        requireUserId(id.strip(), field);
        return id.strip();
    }

    /**
     * Refuses ids that Teams never accepts as the member of a 1:1 chat: e-mail addresses and UPNs, channel ids and group
     * chat ids.
     */
    public static void requireUserId(String id, String field) {
        if (TeamsIds.looksLikeEmailOrUpn(id)) {
            throw new TeamsRuleException(field + " '" + id + "' looks like an e-mail address or UPN. " + UPN_RULE
                    + ". Pass the user's Teams id (29:...) from an inbound activity or the member APIs (TeamsClient.member "
                    + "accepts a UPN and returns the Teams id), or the user's Microsoft Entra object id (GUID).");
        }
        if (TeamsIds.isGroupChatId(id)) {
            throw new TeamsRuleException(field + " '" + id + "' is a group chat id. Teams doesn't let bots create group chats; "
                    + "to post in an existing group chat, send to its conversation id (the app must be installed in the chat).");
        }
        if (TeamsIds.isChannelId(id)) {
            throw new TeamsRuleException(field + " '" + id + "' is a channel id, not a user. To post in a channel, "
                    + "start a thread with TeamsClient.createChannelThread(channelId, activity).");
        }
    }

    /** The reference to store for a created 1:1 chat. */
    public static DirectConversation directConversationResult(String serviceUrl, ConversationResourceResponse response,
                                                              ChannelAccount bot, ChannelAccount user, String tenantId) {
        String id = response == null ? null : blankToNull(response.id());
        if (id == null) {
            throw new IllegalStateException("The create-conversation response has no conversation id: " + response);
        }
        ConversationReference reference = ConversationReference.builder()
                .serviceUrl(response.serviceUrl() != null ? response.serviceUrl() : serviceUrl)
                .channelId(Channels.MSTEAMS)
                .conversation(ConversationAccount.builder()
                        .id(id)
                        .conversationType(TeamsActivities.CONVERSATION_TYPE_PERSONAL)
                        .tenantId(tenantId)
                        .build())
                .user(user)
                .bot(bot)
                .build();
        return new DirectConversation(id, reference);
    }

    // ------------------------------------------------------------------------------------------- channel threads

    /**
     * The create-conversation body of a channel thread: {@code isGroup true}, {@code channelData.channel.id}, the
     * mandatory first message, {@code tenantId} when given, the bot when given.
     */
    public static ConversationParameters channelThread(ChannelAccount bot, String channelId, Activity firstMessage,
                                                       String tenantId) {
        requireChannelId(channelId);
        if (firstMessage == null) {
            throw new TeamsRuleException("firstMessage is required: Teams creates a channel thread only together with its "
                    + "first message (without one it answers 400 'Incorrect conversation creation parameters')");
        }
        if (tenantId != null && tenantId.isBlank()) {
            throw new TeamsRuleException("tenantId is blank: pass the Microsoft Entra tenant id of the team, or null");
        }
        Map<String, Object> channelData = new LinkedHashMap<>();
        channelData.put("channel", Map.of("id", channelId));
        ConversationParameters.Builder b = ConversationParameters.builder()
                .isGroup(Boolean.TRUE)
                .activity(firstMessage)
                .channelData(channelData)
                .tenantId(tenantId);
        if (bot != null) {
            b.bot(botAccount(bot));
        }
        ConversationParameters parameters = b.build();
        checkCreateConversation(parameters);
        return parameters;
    }

    /** Refuses private channels, to which bots cannot post. */
    public static void requirePostableChannel(ChannelInfo channel) {
        if (channel == null) {
            throw new TeamsRuleException("channel is required: pass the channel from TeamsClient.channels(teamId) or an activity");
        }
        if (channel.isPrivate()) {
            throw new TeamsRuleException("channel '" + channel.id() + "' is a private channel. Posting a message or card to a "
                    + "private channel is not supported by Teams; post to a standard channel or message the users 1:1.");
        }
    }

    static void requireChannelId(String channelId) {
        requireChannelId(channelId, "channelId");
    }

    static void requireChannelId(String channelId, String field) {
        if (channelId == null || channelId.isBlank()) {
            throw new TeamsRuleException(field + " is required: pass the Teams channel id (19:...@thread.tacv2); for the "
                    + "General channel pass the team id");
        }
        if (TeamsIds.isGroupChatId(channelId)) {
            throw new TeamsRuleException(field + " '" + channelId + "' is a group chat id. Teams doesn't let bots start "
                    + "threads in group chats or create group chats; send to the group chat's conversation id directly.");
        }
        if (TeamsIds.rootMessageIdOfThread(channelId) != null) {
            throw new TeamsRuleException(field + " '" + channelId + "' is already a thread conversation id. To reply in that "
                    + "thread use TeamsClient.replyInThread; to start a new thread pass the channel id without ';messageid=...'.");
        }
        if (TeamsIds.looksLikeEmailOrUpn(channelId) || channelId.startsWith("29:") || channelId.startsWith("a:")) {
            throw new TeamsRuleException(field + " '" + channelId + "' is not a channel id; pass the Teams channel id "
                    + "(19:...@thread.tacv2) or, for the General channel, the team id");
        }
    }

    /** The result of a created channel thread. */
    public static ChannelThread channelThreadResult(String serviceUrl, ConversationResourceResponse response,
                                                    ChannelAccount bot, String channelId, String tenantId) {
        String id = response == null ? null : blankToNull(response.id());
        if (id == null) {
            throw new IllegalStateException("The create-conversation response has no conversation id: " + response);
        }
        String activityId = blankToNull(response.activityId());
        if (activityId == null) {
            activityId = TeamsIds.rootMessageIdOfThread(id);
        }
        if (TeamsIds.rootMessageIdOfThread(id) == null && activityId != null) {
            id = channelId + TeamsIds.THREAD_MARKER + activityId;
        }
        ConversationReference reference = ConversationReference.builder()
                .serviceUrl(response.serviceUrl() != null ? response.serviceUrl() : serviceUrl)
                .channelId(Channels.MSTEAMS)
                .activityId(activityId)
                .conversation(ConversationAccount.builder()
                        .id(id)
                        .isGroup(Boolean.TRUE)
                        .conversationType(TeamsActivities.CONVERSATION_TYPE_CHANNEL)
                        .tenantId(tenantId)
                        .build())
                .bot(bot)
                .build();
        return new ChannelThread(id, activityId, reference);
    }

    // ---------------------------------------------------------------------------------------- any create request

    /**
     * Checks a create-conversation body against what Teams accepts: a 1:1 chat (exactly one member and a tenant id) or a
     * channel thread ({@code isGroup} with {@code channelData.channel.id} and a first message). Group chats cannot be
     * created.
     */
    public static void checkCreateConversation(ConversationParameters parameters) {
        if (parameters == null) {
            throw new TeamsRuleException("parameters is required");
        }
        String channelId = text(parameters.channelData(), "channel", "id");
        List<ChannelAccount> members = parameters.members();
        if (Boolean.TRUE.equals(parameters.isGroup()) || channelId != null) {
            if (channelId == null) {
                throw new TeamsRuleException("isGroup is true but channelData.channel.id is missing: that would create a group "
                        + "chat, and Teams doesn't let bots create group chats. To post in a channel set channelData.channel.id "
                        + "(createChannelThread); to message users, create 1:1 chats (createOrGetDirectConversation).");
            }
            requireChannelId(channelId);
            if (parameters.activity() == null) {
                throw new TeamsRuleException("activity is required: Teams creates a channel thread only together with its first "
                        + "message (without one it answers 400 'Incorrect conversation creation parameters')");
            }
            return;
        }
        if (members.size() > 1) {
            throw new TeamsRuleException("members has " + members.size() + " entries: that would create a group chat, and Teams "
                    + "doesn't let bots create group chats. Create one 1:1 chat per user (createOrGetDirectConversation), or "
                    + "post in a channel the users share (createChannelThread).");
        }
        if (members.isEmpty() || members.get(0) == null) {
            throw new TeamsRuleException("members must contain exactly one user for a 1:1 chat: pass the user's Teams id (29:...)");
        }
        recipientId(members.get(0));
        String tenantId = blankToNull(parameters.tenantId());
        if (tenantId == null) {
            tenantId = text(parameters.channelData(), "tenant", "id");
        }
        requireTenant(tenantId, "a 1:1 chat");
    }

    private static void requireTenant(String tenantId, String what) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new TeamsRuleException("tenantId is required: Teams needs the Microsoft Entra tenant id to create " + what
                    + " (without it the service answers 400 'Could not parse tenant id' or 401). Read it from an inbound "
                    + "activity with TeamsActivities.tenantId(activity) or from a stored ConversationReference.tenantId().");
        }
    }

    // ------------------------------------------------------------------------------------------------- meetings

    /** Checks a targeted meeting notification before it is sent. */
    public static TargetedMeetingNotification checkMeetingNotification(TargetedMeetingNotification notification) {
        if (notification == null) {
            throw new TeamsRuleException("notification is required");
        }
        List<String> recipients = notification.value() == null ? List.of() : notification.value().recipients();
        if (recipients.isEmpty()) {
            throw new TeamsRuleException("value.recipients is empty: a targeted meeting notification needs at least one "
                    + "recipient (Teams user ids 29:...)");
        }
        if (recipients.size() > MAX_MEETING_NOTIFICATION_RECIPIENTS) {
            throw new TeamsRuleException("value.recipients has " + recipients.size() + " entries; Teams accepts at most "
                    + MAX_MEETING_NOTIFICATION_RECIPIENTS + " per targeted meeting notification. Send several notifications.");
        }
        for (String recipient : recipients) {
            if (recipient == null || recipient.isBlank()) {
                throw new TeamsRuleException("value.recipients contains a blank id; pass Teams user ids (29:...)");
            }
            if (TeamsIds.looksLikeEmailOrUpn(recipient)) {
                throw new TeamsRuleException("value.recipients contains '" + recipient + "', an e-mail address or UPN. " + UPN_RULE
                        + "; meeting notifications take Teams user ids (29:...).");
            }
        }
        if (notification.type() == null) {
            return notification.toBuilder().type(TargetedMeetingNotification.TYPE).build();
        }
        return notification;
    }

    // ------------------------------------------------------------------------------------------ batch messaging

    /** The body of {@code POST v3/batch/conversation/users/}: the user ids as members, the message, the tenant. */
    public static BatchMessageRequest batchToUsers(List<String> userIds, Activity activity, String tenantId) {
        Activity message = batchMessage(activity);
        requireBatchTenant(tenantId);
        List<BatchMember> members = batchRecipients(userIds, "userIds", "user ids (29:...)");
        for (int i = 0; i < members.size(); i++) {
            requireUserId(members.get(i).id(), "userIds[" + i + "]");
        }
        return BatchMessageRequest.builder().members(members).activity(message).tenantId(tenantId).build();
    }

    /** The user ids of {@code users}: each account's Teams id, else its Microsoft Entra object id. */
    public static List<String> batchUserIds(List<? extends ChannelAccount> users) {
        if (users == null) {
            return null;
        }
        List<String> ids = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            ChannelAccount user = users.get(i);
            String id = user == null ? null : blankToNull(user.id());
            if (id == null && user != null) {
                id = blankToNull(user.aadObjectId());
            }
            if (id == null) {
                throw new TeamsRuleException("users[" + i + "] has no id: pass accounts with the users' Teams ids (29:...) "
                        + "from inbound activities or the member APIs");
            }
            ids.add(id.strip());
        }
        return ids;
    }

    /** The body of {@code POST v3/batch/conversation/tenant/}: the message and the tenant. */
    public static BatchMessageRequest batchToTenant(Activity activity, String tenantId) {
        Activity message = batchMessage(activity);
        requireBatchTenant(tenantId);
        return BatchMessageRequest.builder().activity(message).tenantId(tenantId).build();
    }

    /** The body of {@code POST v3/batch/conversation/team/}: the message, the team and the tenant. */
    public static BatchMessageRequest batchToTeam(Activity activity, String teamId, String tenantId) {
        Activity message = batchMessage(activity);
        requireBatchTenant(tenantId);
        if (teamId == null || teamId.isBlank()) {
            throw new TeamsRuleException("teamId is required: pass the team id (19:...@thread.tacv2, the id of its General "
                    + "channel) from TeamsActivities.teamId(activity) or TeamDetails.id()");
        }
        if (TeamsIds.looksLikeEmailOrUpn(teamId) || TeamsIds.isGroupChatId(teamId) || teamId.startsWith("29:")
                || teamId.startsWith("a:") || TeamsIds.rootMessageIdOfThread(teamId) != null) {
            throw new TeamsRuleException("teamId '" + teamId + "' is not a team id: pass the team id (19:...@thread.tacv2, "
                    + "the id of its General channel) from TeamsActivities.teamId(activity) or TeamDetails.id()");
        }
        return BatchMessageRequest.builder().activity(message).teamId(teamId).tenantId(tenantId).build();
    }

    /** The body of {@code POST v3/batch/conversation/channels/}: the channel ids as members, the message, the tenant. */
    public static BatchMessageRequest batchToChannels(List<String> channelIds, Activity activity, String tenantId) {
        Activity message = batchMessage(activity);
        requireBatchTenant(tenantId);
        List<BatchMember> members = batchRecipients(channelIds, "channelIds", "channel ids (19:...@thread.tacv2)");
        for (int i = 0; i < members.size(); i++) {
            requireChannelId(members.get(i).id(), "channelIds[" + i + "]");
        }
        return BatchMessageRequest.builder().members(members).activity(message).tenantId(tenantId).build();
    }

    /**
     * The operation id of a batch send response: {@code {"operationId": "..."}}, or, when the body is not a JSON object,
     * the body text itself (a JSON string is unquoted).
     *
     * @throws IllegalStateException when the response carries no operation id
     */
    public static String batchOperationId(String responseBody) {
        String text = responseBody == null ? "" : responseBody.strip();
        String id;
        if (text.startsWith("{")) {
            id = blankToNull(BatchOperationResponse.fromJson(text).operationId());
            if (id == null) {
                throw new IllegalStateException("The batch send response has no operationId: " + text);
            }
            return id;
        }
        if (text.startsWith("\"")) {
            JsonNode node = JsonTrees.read(text);
            // not a JSON string: keep the raw text
            text = node != null && node.isTextual() ? node.asText().strip() : text;
        }
        id = blankToNull(text);
        if (id == null) {
            throw new IllegalStateException("The batch send response is empty; expected {\"operationId\": \"<GUID>\"}");
        }
        return id;
    }

    private static Activity batchMessage(Activity activity) {
        if (activity == null) {
            throw new TeamsRuleException("activity is required: pass the message to send (Activity.message(text) or an "
                    + "activity with an Adaptive Card attachment)");
        }
        // The core client's checks of every sent activity (a type, about 100 KB at most), with its messages.
        ConnectorClient.checkActivity(activity);
        if (!ActivityTypes.MESSAGE.equals(activity.type())) {
            throw new TeamsRuleException("activity has type '" + activity.type() + "': Teams batch messaging sends only "
                    + "activities of type 'message'");
        }
        return activity;
    }

    private static void requireBatchTenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new TeamsRuleException("tenantId is required: Teams batch messages are sent within one Microsoft Entra "
                    + "tenant. Read it from an inbound activity with TeamsActivities.tenantId(activity) or from a stored "
                    + "ConversationReference.tenantId().");
        }
    }

    private static List<BatchMember> batchRecipients(List<String> ids, String field, String what) {
        if (ids == null || ids.isEmpty()) {
            throw new TeamsRuleException(field + " is empty: pass at least one of the " + what + " to message. To message "
                    + "every user of the tenant use sendToTenant, every member of a team sendToTeam.");
        }
        List<BatchMember> members = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                throw new TeamsRuleException(field + "[" + i + "] is " + (id == null ? "null" : "blank") + ": pass the "
                        + what + " to message");
            }
            members.add(BatchMember.of(id.strip()));
        }
        return members;
    }

    // -------------------------------------------------------------------------------------------------- members

    /** What identifies a member across pages (a continuation may repeat members): its id, else its Entra object id. */
    public static String memberKey(TeamsChannelAccount member) {
        return member.id() != null ? member.id() : member.aadObjectId();
    }

    // ------------------------------------------------------------------------------------------------ internals

    private static ChannelAccount botAccount(ChannelAccount bot) {
        return ChannelAccount.builder().id(bot.id()).name(bot.name()).build();
    }

    /**
     * The non-blank string at {@code path} in a free-form JSON tree (maps and lists, as stored by the models), or
     * {@code null}; never throws for unexpected shapes.
     */
    public static String text(Object root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node instanceof String s ? blankToNull(s) : null;
    }

    /** {@code s}, or {@code null} when it is null or blank. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

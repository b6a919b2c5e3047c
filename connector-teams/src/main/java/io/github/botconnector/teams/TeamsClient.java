package io.github.botconnector.teams;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.teams.internal.TeamsHttp;
import io.github.botconnector.teams.internal.TeamsOperations;
import java.util.List;
import java.util.Objects;

/**
 * Teams operations of the Bot Connector service: create-or-get 1:1 chats, channel threads, team details, channels,
 * members, meetings and batch messaging (one message to many users or channels, run by Teams in the background). Requests go through the wrapped client's pipeline (trusted hosts, tokens, retries, typed
 * errors such as the client's roster and not-found exceptions) and share its connection pool and token cache.
 *
 * <p>Requests Teams is known to refuse are rejected before any I/O with a {@link TeamsRuleException} that explains the
 * rule: a 1:1 chat without a tenant id, a group chat (bots cannot create one), a private channel, an e-mail address or
 * UPN used as a user id, a channel thread without its first message.
 *
 * <p>Built on the wrapped {@link ConnectorClient}: sends and conversation creations are its own operations (the same
 * activity checks, tenant fill-in, typed errors and retries), the Teams routes go through its
 * {@link ConnectorClient#rawRequest raw request}. Argument errors are thrown before any I/O, as by the client.
 *
 * <p>Immutable and thread-safe. Methods block for one exchange (paging methods for one exchange per page), each on the
 * caller's thread; the same operations returning futures are on {@link #async()}.
 *
 * <p>Targeted messages ({@link #sendTargeted}, visible to one member of a group chat or channel) and the bot's
 * reactions ({@link #addReaction}, paced by a {@link ReactionPacer}) are at the end of this class.
 */
public final class TeamsClient {

    private final ConnectorClient client;
    /** The operations with each exchange on the caller's thread; backs the blocking methods. */
    private final TeamsAsyncClient blocking;
    private final TeamsAsyncClient async;
    private final ReactionPacer reactionPacer;

    private TeamsClient(ConnectorClient client, ReactionPacer reactionPacer) {
        this.client = client;
        this.reactionPacer = reactionPacer;
        this.blocking = new TeamsAsyncClient(new TeamsOperations(TeamsHttp.blocking(client)), reactionPacer);
        this.async = new TeamsAsyncClient(new TeamsOperations(TeamsHttp.async(client)), reactionPacer);
    }

    /**
     * A Teams client over {@code client}: same service URL, request pipeline (trusted hosts, tokens, retries, typed
     * errors), connection pool and token cache. Closing stays the business of {@code client}'s owner.
     */
    public static TeamsClient of(ConnectorClient client) {
        return new TeamsClient(Objects.requireNonNull(client, "client"), ReactionPacer.create());
    }

    /** The asynchronous view of this client. */
    public TeamsAsyncClient async() {
        return async;
    }

    /** The service URL requests are sent to. */
    public String serviceUrl() {
        return client.serviceUrl();
    }

    /**
     * A Teams client for another service URL (for example the one of a stored reference), sharing the pool, token
     * cache, policies and reaction pacer of this one.
     */
    public TeamsClient withServiceUrl(String serviceUrl) {
        ConnectorClient sibling = client.withServiceUrl(Objects.requireNonNull(serviceUrl, "serviceUrl"));
        return sibling == client ? this : new TeamsClient(sibling, reactionPacer);
    }

    // ------------------------------------------------------------------------------------------------ 1:1 chats

    /**
     * Creates the 1:1 chat between the bot and {@code user}, or gets it when it exists (Teams returns the same
     * conversation id for the same user). Request: {@code POST v3/conversations} with {@code isGroup false}, the user's
     * id as the only member, {@code tenantId} at the top level and in {@code channelData.tenant.id}, and the bot when
     * given. The app must be installed for the user (personally or through a team), otherwise the service answers 403.
     *
     * @param bot      the bot account ({@code 28:<appId>}), or {@code null} (Teams infers it from the token)
     * @param user     the user: its Teams id ({@code 29:...}), or, when the id is absent, its Microsoft Entra object id
     *                 (which Teams accepts only when the app is installed for the user); its name and other fields
     *                 only go into the returned reference
     * @param tenantId the Microsoft Entra tenant id (required by Teams)
     * @return the conversation id and a reference ready to store
     * @throws TeamsRuleException before any I/O: no tenant id, no user id, or a user id that is an e-mail address or
     *     UPN (Teams doesn't support sending proactive messages using email or UPN), a group chat or a channel id
     */
    public DirectConversation createOrGetDirectConversation(ChannelAccount bot, ChannelAccount user, String tenantId) {
        return TeamsHttp.join(blocking.createOrGetDirectConversation(bot, user, tenantId));
    }

    /**
     * Like {@link #createOrGetDirectConversation(ChannelAccount, ChannelAccount, String)}, posting
     * {@code firstMessage} as the first message (also when the chat already existed). The service does not return the
     * message id in this case.
     */
    public DirectConversation createOrGetDirectConversation(ChannelAccount bot, ChannelAccount user, String tenantId,
                                                           Activity firstMessage) {
        return TeamsHttp.join(blocking.createOrGetDirectConversation(bot, user, tenantId, firstMessage));
    }

    /**
     * Like {@link #createOrGetDirectConversation(ChannelAccount, ChannelAccount, String)} for a member returned by
     * {@link #members(String)} or {@link #member(String, String)}: its Teams id, name and Entra object id go into the
     * reference, and its {@code tenantId} is used as the tenant.
     *
     * @throws TeamsRuleException before any I/O when the member has no tenant id or no usable id
     */
    public DirectConversation createOrGetDirectConversation(ChannelAccount bot, TeamsChannelAccount member) {
        return TeamsHttp.join(blocking.createOrGetDirectConversation(bot, member));
    }

    // ------------------------------------------------------------------------------------------- channel threads

    /**
     * Starts a thread in a channel with {@code firstMessage} as its root. Request: {@code POST v3/conversations} with
     * {@code isGroup true}, {@code channelData.channel.id} and the activity. The app must be installed in the team.
     *
     * @param channelId    the channel id ({@code 19:...@thread.tacv2}); the team id for the General channel
     * @param firstMessage the root message (mandatory for Teams), for example {@code Activity.message(text)}; an
     *                     activity without a type or over about 100 KB is refused as by
     *                     {@link ConnectorClient#createConversation}
     * @return the thread's conversation id ({@code ...;messageid=<root>}), the root message id and a reference for
     *     replies
     * @throws TeamsRuleException before any I/O: no message, a group chat id, a thread id or a user id as channel id
     */
    public ChannelThread createChannelThread(String channelId, Activity firstMessage) {
        return TeamsHttp.join(blocking.createChannelThread(channelId, firstMessage));
    }

    /**
     * Like {@link #createChannelThread(String, Activity)} with the tenant id in the request (recommended; the
     * reference then carries it as well).
     */
    public ChannelThread createChannelThread(String channelId, Activity firstMessage, String tenantId) {
        return TeamsHttp.join(blocking.createChannelThread(channelId, firstMessage, tenantId));
    }

    /**
     * Like {@link #createChannelThread(String, Activity, String)} for a channel from {@link #channels(String)} or an
     * activity.
     *
     * @throws TeamsRuleException before any I/O when the channel is private: Teams doesn't support posting to private
     *     channels
     */
    public ChannelThread createChannelThread(ChannelInfo channel, Activity firstMessage, String tenantId) {
        return TeamsHttp.join(blocking.createChannelThread(channel, firstMessage, tenantId));
    }

    /** Like {@link #createChannelThread(String, Activity, String)} with the bot account in the request. */
    public ChannelThread createChannelThread(ChannelAccount bot, String channelId, Activity firstMessage, String tenantId) {
        return TeamsHttp.join(blocking.createChannelThread(bot, channelId, firstMessage, tenantId));
    }

    /**
     * Posts {@code activity} as a reply in a channel thread: {@code POST v3/conversations/{threadId}/activities}, sent
     * to the reference's service URL.
     *
     * @param thread   the reference of a {@link ChannelThread}, or of an inbound channel message (its conversation id
     *                 is the thread id), or a channel reference whose {@code activityId} is the root message id
     * @param activity the reply; addressing fields are taken from the reference
     */
    public ResourceResponse replyInThread(ConversationReference thread, Activity activity) {
        return TeamsHttp.join(blocking.replyInThread(thread, activity));
    }

    /**
     * Posts {@code activity} as a reply in a channel thread: {@code POST v3/conversations/{threadId}/activities}.
     *
     * @param threadConversationId {@code <channelId>;messageid=<rootMessageId>} ({@link ChannelThread#conversationId()}
     *                             or {@link TeamsActivities#threadConversationId(String, String)})
     */
    public ResourceResponse replyInThread(String threadConversationId, Activity activity) {
        return TeamsHttp.join(blocking.replyInThread(threadConversationId, activity));
    }

    // ------------------------------------------------------------------------------------------- any conversation

    /**
     * Sends {@code activity} to the conversation of a stored reference ({@code POST v3/conversations/{id}/activities}),
     * at the reference's service URL; addressing fields come from the reference
     * ({@link ConversationReference#applyTo(Activity)}).
     */
    public ResourceResponse send(ConversationReference reference, Activity activity) {
        return TeamsHttp.join(blocking.send(reference, activity));
    }

    /**
     * Creates a conversation from raw parameters after checking them against the Teams rules: a 1:1 chat (exactly one
     * member, a tenant id) or a channel thread ({@code channelData.channel.id} and an activity).
     *
     * @throws TeamsRuleException before any I/O for a group chat (more than one member, or {@code isGroup} without a
     *     channel), a 1:1 chat without tenant id, a thread without activity, a UPN or e-mail as member id
     */
    public ConversationResourceResponse createConversation(ConversationParameters parameters) {
        return TeamsHttp.join(blocking.createConversation(parameters));
    }

    // ----------------------------------------------------------------------------------------- team and members

    /** Details of a team: {@code GET v3/teams/{teamId}}. */
    public TeamDetails teamDetails(String teamId) {
        return TeamsHttp.join(blocking.teamDetails(teamId));
    }

    /**
     * The channels of a team: {@code GET v3/teams/{teamId}/conversations}. The General channel has the team id and no
     * name. Private channels are listed with {@link ChannelInfo#isPrivate()} when Teams gives their type.
     */
    public List<ChannelInfo> channels(String teamId) {
        return TeamsHttp.join(blocking.channels(teamId));
    }

    /**
     * All members of a team or conversation, following every page of
     * {@code GET v3/conversations/{conversationId}/pagedmembers} (500 per page) and removing the duplicates a
     * continuation may return. Pass the team id for the members of a whole team.
     */
    public List<TeamsChannelAccount> members(String conversationId) {
        return TeamsHttp.join(blocking.members(conversationId));
    }

    /** Like {@link #members(String)} with a page size (Teams reads less than 50 as 50 and caps at 500). */
    public List<TeamsChannelAccount> members(String conversationId, int pageSize) {
        return TeamsHttp.join(blocking.members(conversationId, pageSize));
    }

    /**
     * One page of {@code GET v3/conversations/{conversationId}/pagedmembers}.
     *
     * @param pageSize          page size, or {@code null} for the service default
     * @param continuationToken token from the previous page, or {@code null} for the first page
     */
    public TeamsPagedMembersResult membersPage(String conversationId, Integer pageSize, String continuationToken) {
        return TeamsHttp.join(blocking.membersPage(conversationId, pageSize, continuationToken));
    }

    /**
     * One member of a team or conversation: {@code GET v3/conversations/{conversationId}/members/{memberId}}.
     *
     * @param memberId the Teams user id ({@code 29:...}), the Microsoft Entra object id or the UPN
     */
    public TeamsChannelAccount member(String conversationId, String memberId) {
        return TeamsHttp.join(blocking.member(conversationId, memberId));
    }

    // ------------------------------------------------------------------------------------------------- meetings

    /** A meeting's details, chat and organizer: {@code GET v1/meetings/{meetingId}}. */
    public MeetingInfo meetingInfo(String meetingId) {
        return TeamsHttp.join(blocking.meetingInfo(meetingId));
    }

    /**
     * A meeting participant's role and presence: {@code GET v1/meetings/{meetingId}/participants/{participantId}
     * ?tenantId=}.
     *
     * @param participantId the participant's Microsoft Entra object id or Teams id
     * @param tenantId      the tenant id (required)
     */
    public TeamsMeetingParticipant meetingParticipant(String meetingId, String participantId, String tenantId) {
        return TeamsHttp.join(blocking.meetingParticipant(meetingId, participantId, tenantId));
    }

    /**
     * Sends a targeted meeting notification: {@code POST v1/meetings/{meetingId}/notification}. HTTP 202 means every
     * recipient was notified ({@link MeetingNotificationResponse#allSent()}); 207 lists the recipients that were not.
     *
     * @throws TeamsRuleException before any I/O when there is no recipient, more than 50, or an e-mail/UPN recipient
     */
    public MeetingNotificationResponse sendMeetingNotification(String meetingId, TargetedMeetingNotification notification) {
        return TeamsHttp.join(blocking.sendMeetingNotification(meetingId, notification));
    }

    // ------------------------------------------------------------------------------------------ batch messaging

    /**
     * Sends one message to many users with the Teams batch API: {@code POST v3/batch/conversation/users/} with
     * {@code {members: [{id}], activity, tenantId}}. Teams delivers the message in the background to each user's 1:1
     * chat with the bot; follow it with {@link #batchOperationState(String)} and {@link #batchFailedEntries(String)}.
     *
     * <p>No maximum number of recipients is documented, so none is enforced here: a list the service refuses fails
     * with its 400 response. A 429 answer is retried by the client's retry policy, honouring {@code Retry-After}; other
     * refusals (400 invalid payload, 403 bot not allowed to send) fail with the client's exceptions.
     *
     * @param userIds  the users' Teams ids ({@code 29:...}); at least one
     * @param activity the message, of type {@code message}; checked as every sent activity (a type, about 100 KB at
     *                 most: {@link IllegalArgumentException} before any I/O)
     * @param tenantId the Microsoft Entra tenant id of the users (required)
     * @return the operation id
     * @throws TeamsRuleException before any I/O: no tenant id, no recipient, a blank id, an e-mail address, UPN,
     *     channel or group chat id as user id, an activity that is not a message
     */
    public String sendToUsers(List<String> userIds, Activity activity, String tenantId) {
        return TeamsHttp.join(blocking.sendToUsers(userIds, activity, tenantId));
    }

    /**
     * Like {@link #sendToUsers(List, Activity, String)} for accounts (from activities or {@link #members(String)}):
     * each account's Teams id is sent, or its Microsoft Entra object id when it has no Teams id.
     *
     * @throws TeamsRuleException before any I/O, as {@link #sendToUsers(List, Activity, String)}, and for an account
     *     without any id
     */
    public String sendToUserAccounts(List<? extends ChannelAccount> users, Activity activity, String tenantId) {
        return TeamsHttp.join(blocking.sendToUserAccounts(users, activity, tenantId));
    }

    /**
     * Sends one message to every user of a tenant who has the app installed: {@code POST v3/batch/conversation/tenant/}
     * with {@code {activity, tenantId}}. A 429 answer is retried by the client's retry policy, honouring
     * {@code Retry-After}.
     *
     * @return the operation id
     * @throws TeamsRuleException before any I/O: no tenant id, no activity or an activity that is not a message
     */
    public String sendToTenant(Activity activity, String tenantId) {
        return TeamsHttp.join(blocking.sendToTenant(activity, tenantId));
    }

    /**
     * Sends one message to every member of a team, each in their 1:1 chat with the bot:
     * {@code POST v3/batch/conversation/team/} with {@code {activity, teamId, tenantId}}. A 429 answer is retried by
     * the client's retry policy, honouring {@code Retry-After}.
     *
     * @param teamId the team id ({@code 19:...@thread.tacv2}, the id of its General channel)
     * @return the operation id
     * @throws TeamsRuleException before any I/O: no tenant id, no or a malformed team id, an activity that is not a
     *     message
     */
    public String sendToTeam(Activity activity, String teamId, String tenantId) {
        return TeamsHttp.join(blocking.sendToTeam(activity, teamId, tenantId));
    }

    /**
     * Posts one message in many channels: {@code POST v3/batch/conversation/channels/} with
     * {@code {members: [{id: channelId}], activity, tenantId}}. No maximum number of channels is documented, so none is
     * enforced here: the service's 400 is surfaced. A 429 answer is retried by the client's retry policy, honouring
     * {@code Retry-After}.
     *
     * @param channelIds the channel ids ({@code 19:...@thread.tacv2}; the team id for a General channel); at least one
     * @return the operation id
     * @throws TeamsRuleException before any I/O: no tenant id, no channel, a blank id, a thread, group chat or user id
     *     as channel id, an activity that is not a message
     */
    public String sendToChannels(List<String> channelIds, Activity activity, String tenantId) {
        return TeamsHttp.join(blocking.sendToChannels(channelIds, activity, tenantId));
    }

    /**
     * The state of a batch operation: {@code GET v3/batch/conversation/{operationId}}. While it is
     * {@link BatchOperationState#ONGOING}, ask again later (not before {@link BatchOperationState#retryAfter()} when
     * given). The service answers 400 for an operation id that is not a GUID.
     */
    public BatchOperationState batchOperationState(String operationId) {
        return TeamsHttp.join(blocking.batchOperationState(operationId));
    }

    /**
     * The recipients a batch operation could not deliver to, following every page of
     * {@code GET v3/batch/conversation/failedentries/{operationId}?continuationToken=}.
     */
    public List<BatchFailedEntry> batchFailedEntries(String operationId) {
        return TeamsHttp.join(blocking.batchFailedEntries(operationId));
    }

    /**
     * One page of {@code GET v3/batch/conversation/failedentries/{operationId}}.
     *
     * @param continuationToken token from the previous page, or {@code null} for the first page
     */
    public BatchFailedEntriesResponse batchFailedEntriesPage(String operationId, String continuationToken) {
        return TeamsHttp.join(blocking.batchFailedEntriesPage(operationId, continuationToken));
    }

    /**
     * Cancels a batch operation: {@code DELETE v3/batch/conversation/{operationId}}. Operations that are already
     * completed or failed keep their state; the service answers 200 for them as well.
     */
    public void cancelBatchOperation(String operationId) {
        TeamsHttp.join(blocking.cancelBatchOperation(operationId));
    }

    // ------------------------------------------------------------------------ targeted messages and reactions

    /**
     * Sends a targeted message: visible only to {@code recipient} in a group chat, meeting chat or channel ("only you
     * can see this"; Teams removes it from clients after 24 hours). Request:
     * {@code POST v3/conversations/{id}/activities?isTargetedActivity=true} with the recipient in the activity, sent to
     * the reference's service URL.
     *
     * @param reference the stored reference of the group chat or channel
     * @param recipient the member who alone sees the message (Teams id {@code 29:...} or Entra object id)
     * @param activity  the message (type {@code message}, as for every send)
     * @throws TeamsRuleException before any I/O: no recipient, a recipient that is not a user (bot, conversation or
     *     e-mail id), a second different recipient in the activity, or an activity that is not a message
     */
    public ResourceResponse sendTargeted(ConversationReference reference, ChannelAccount recipient, Activity activity) {
        return TeamsHttp.join(blocking.sendTargeted(reference, recipient, activity));
    }

    /** Like {@link #sendTargeted(ConversationReference, ChannelAccount, Activity)} to a conversation id of this service URL. */
    public ResourceResponse sendTargeted(String conversationId, ChannelAccount recipient, Activity activity) {
        return TeamsHttp.join(blocking.sendTargeted(conversationId, recipient, activity));
    }

    /**
     * Updates a targeted message: {@code PUT v3/conversations/{id}/activities/{activityId}?isTargetedActivity=true}.
     * The message stays visible to its recipient only; the update must not name a recipient.
     *
     * @throws TeamsRuleException before any I/O when the activity names a recipient (Teams answers 400 "Cannot edit
     *     Recipient of Targeted Message") or is not a message
     */
    public ResourceResponse updateTargeted(String conversationId, String activityId, Activity activity) {
        return TeamsHttp.join(blocking.updateTargeted(conversationId, activityId, activity));
    }

    /** Deletes a targeted message: {@code DELETE v3/conversations/{id}/activities/{activityId}?isTargetedActivity=true}. */
    public void deleteTargeted(String conversationId, String activityId) {
        TeamsHttp.join(blocking.deleteTargeted(conversationId, activityId));
    }

    /**
     * Adds the bot's reaction to a message: {@code PUT v3/conversations/{id}/activities/{activityId}/reactions/{type}}.
     * Adding a reaction the bot already added changes nothing. Reactions are paced by this client's
     * {@link ReactionPacer} (Teams allows {@value ReactionPacer#REACTIONS_PER_SECOND} per second across all of the bot's
     * conversations), so this call may wait before sending. Fails with the service's error when the message was deleted
     * or the bot was removed.
     *
     * @param reactionType one of {@link ReactionTypes} or a Teams reaction id such as {@code 1f44b_wavinghand}
     */
    public void addReaction(String conversationId, String activityId, String reactionType) {
        TeamsHttp.join(blocking.addReaction(conversationId, activityId, reactionType));
    }

    /**
     * Removes the bot's reaction from a message:
     * {@code DELETE v3/conversations/{id}/activities/{activityId}/reactions/{type}}; paced like
     * {@link #addReaction(String, String, String)}. Removing a reaction the bot has not added changes nothing.
     */
    public void removeReaction(String conversationId, String activityId, String reactionType) {
        TeamsHttp.join(blocking.removeReaction(conversationId, activityId, reactionType));
    }

    /**
     * This client with {@code pacer} for its reactions (and its siblings' from {@link #withServiceUrl(String)}). Each
     * client from {@link #of(ConnectorClient)} has its own pacer; give every Teams client of one bot the same pacer so
     * that the limit holds across them.
     */
    public TeamsClient withReactionPacer(ReactionPacer pacer) {
        Objects.requireNonNull(pacer, "pacer");
        return pacer == reactionPacer ? this : new TeamsClient(client, pacer);
    }
}

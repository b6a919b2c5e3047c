package io.github.botconnector.teams;

import static io.github.botconnector.teams.internal.TeamsRequests.blankToNull;
import static io.github.botconnector.teams.internal.TeamsRequests.text;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.Entity;
import io.github.botconnector.schema.InstallationUpdateActions;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.schema.Mention;
import io.github.botconnector.teams.internal.TeamsIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Teams helpers on any {@link Activity}: no turn context, no client. They read ids and events from inbound
 * activities (tenant, team, channel, install and member events, mentions) and build Teams-specific outgoing
 * messages (mentions, activity-feed alerts, channel-thread targets).
 *
 * <p>The readers look at the JSON tree of {@code channelData} directly, so unknown or oddly shaped members that
 * Teams adds (for example inside {@code channelData.team}) never make them fail or return {@code null}; they return
 * {@code null} only when the value is really absent.
 */
public final class TeamsActivities {

    /** The {@code conversation.conversationType} of a 1:1 chat with the bot. */
    public static final String CONVERSATION_TYPE_PERSONAL = "personal";
    /** The {@code conversation.conversationType} of a group chat. */
    public static final String CONVERSATION_TYPE_GROUP_CHAT = "groupChat";
    /** The {@code conversation.conversationType} of a team channel. */
    public static final String CONVERSATION_TYPE_CHANNEL = "channel";

    private TeamsActivities() {
    }

    // ---------------------------------------------------------------------------------------------- reading ids

    /**
     * The Microsoft Entra tenant id of the activity: {@code channelData.tenant.id}, or {@code conversation.tenantId}
     * when channel data has none.
     *
     * @return the tenant id, or {@code null} when the activity carries none
     */
    public static String tenantId(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        String fromChannelData = text(activity.channelData(), "tenant", "id");
        if (fromChannelData != null) {
            return fromChannelData;
        }
        ConversationAccount conversation = activity.conversation();
        return conversation == null ? null : blankToNull(conversation.tenantId());
    }

    /**
     * The team id of a team activity: {@code channelData.team.id}, or the deprecated {@code channelData.teamsTeamId}.
     *
     * @return the team id, or {@code null} outside a team
     */
    public static String teamId(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        Object channelData = activity.channelData();
        String id = text(channelData, "team", "id");
        return id != null ? id : text(channelData, "teamsTeamId");
    }

    /**
     * The channel id of a channel activity: {@code channelData.channel.id}, the deprecated
     * {@code channelData.teamsChannelId}, or, for a message in a channel, the part of {@code conversation.id} before
     * {@code ;messageid=}.
     *
     * @return the channel id, or {@code null} outside a channel
     */
    public static String channelId(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        Object channelData = activity.channelData();
        String id = text(channelData, "channel", "id");
        if (id == null) {
            id = text(channelData, "teamsChannelId");
        }
        if (id != null) {
            return id;
        }
        ConversationAccount conversation = activity.conversation();
        if (conversation != null && conversation.id() != null && isMessageLike(activity)
                && CONVERSATION_TYPE_CHANNEL.equalsIgnoreCase(conversation.conversationType())) {
            return TeamsIds.channelIdOfThread(conversation.id());
        }
        return null;
    }

    /**
     * Whether the activity happened in the General channel of a team (the channel whose id equals the team id).
     */
    public static boolean isGeneralChannel(Activity activity) {
        String teamId = teamId(activity);
        return teamId != null && teamId.equals(channelId(activity));
    }

    /**
     * The Teams event type of a conversationUpdate ({@code channelData.eventType}: {@code teamMemberAdded},
     * {@code channelCreated}, {@code teamRenamed}, ...). New event types appear over time; compare strings.
     *
     * @return the event type, or {@code null}
     */
    public static String eventType(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return text(activity.channelData(), "eventType");
    }

    /** The conversation type ({@code personal}, {@code groupChat}, {@code channel}), or {@code null}. */
    public static String conversationType(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        ConversationAccount conversation = activity.conversation();
        return conversation == null ? null : conversation.conversationType();
    }

    /** Whether the activity comes from a 1:1 chat with the bot. */
    public static boolean isPersonal(Activity activity) {
        return CONVERSATION_TYPE_PERSONAL.equalsIgnoreCase(conversationType(activity));
    }

    /** Whether the activity comes from a group chat (which a bot cannot create). */
    public static boolean isGroupChat(Activity activity) {
        return CONVERSATION_TYPE_GROUP_CHAT.equalsIgnoreCase(conversationType(activity));
    }

    /** Whether the activity comes from a team channel. */
    public static boolean isChannel(Activity activity) {
        return CONVERSATION_TYPE_CHANNEL.equalsIgnoreCase(conversationType(activity));
    }

    /**
     * The activity's {@code channelData} as {@link TeamsChannelData}; unknown members are kept at every level.
     *
     * @return the channel data, or {@code null} when the activity has none
     * @throws JsonFormatException if a known member has an impossible shape (for example {@code team} is a number);
     *     the id readers of this class never throw for that reason
     */
    public static TeamsChannelData teamsChannelData(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return activity.channelData(TeamsChannelData.class);
    }

    /**
     * The reference to store for proactive messages: {@link Activity#conversationReference()} with
     * {@code conversation.tenantId} filled from {@code channelData.tenant.id} when the conversation has none (older
     * payloads), so every later create or send has the tenant it needs.
     */
    public static ConversationReference conversationReference(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        ConversationReference reference = activity.conversationReference();
        ConversationAccount conversation = reference.conversation();
        String tenantId = tenantId(activity);
        if (tenantId == null || (conversation != null && conversation.tenantId() != null)) {
            return reference;
        }
        ConversationAccount.Builder withTenant = conversation == null ? ConversationAccount.builder() : conversation.toBuilder();
        return reference.toBuilder().conversation(withTenant.tenantId(tenantId).build()).build();
    }

    // ------------------------------------------------------------------------------------------ members, install

    /** {@code membersAdded} as Teams accounts (unknown members kept); empty when none. */
    public static List<TeamsChannelAccount> membersAdded(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return toTeamsAccounts(activity.membersAdded());
    }

    /** {@code membersRemoved} as Teams accounts (unknown members kept); empty when none. */
    public static List<TeamsChannelAccount> membersRemoved(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return toTeamsAccounts(activity.membersRemoved());
    }

    /** Whether {@code membersAdded} contains the bot ({@code recipient.id}): the bot was added to the conversation. */
    public static boolean botWasAdded(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return containsRecipient(activity.membersAdded(), activity.recipient());
    }

    /** Whether {@code membersRemoved} contains the bot ({@code recipient.id}): the bot was removed. */
    public static boolean botWasRemoved(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return containsRecipient(activity.membersRemoved(), activity.recipient());
    }

    /**
     * Whether the activity tells that the app was installed (or upgraded) where this activity comes from: an
     * {@code installationUpdate} with action {@code add} or {@code add-upgrade}, or a {@code conversationUpdate} with
     * the bot in {@code membersAdded}. Store the conversation reference when this is {@code true}.
     */
    public static boolean isInstall(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        if (activity.isType(ActivityTypes.INSTALLATION_UPDATE)) {
            return InstallationUpdateActions.ADD.equalsIgnoreCase(activity.action())
                    || InstallationUpdateActions.ADD_UPGRADE.equalsIgnoreCase(activity.action());
        }
        return activity.isType(ActivityTypes.CONVERSATION_UPDATE) && botWasAdded(activity);
    }

    /**
     * Whether the activity tells that the app was uninstalled (or removed on upgrade): an {@code installationUpdate}
     * with action {@code remove} or {@code remove-upgrade}, or a {@code conversationUpdate} with the bot in
     * {@code membersRemoved}. Stop sending to that conversation when this is {@code true}.
     */
    public static boolean isUninstall(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        if (activity.isType(ActivityTypes.INSTALLATION_UPDATE)) {
            return InstallationUpdateActions.REMOVE.equalsIgnoreCase(activity.action())
                    || InstallationUpdateActions.REMOVE_UPGRADE.equalsIgnoreCase(activity.action());
        }
        return activity.isType(ActivityTypes.CONVERSATION_UPDATE) && botWasRemoved(activity);
    }

    // --------------------------------------------------------------------------------------------------- mentions

    /**
     * The message text without the bot's mention, trimmed: every {@code mention} entity whose {@code mentioned.id} is
     * the bot ({@code recipient.id}) has its {@code text} (for example {@code <at>Contoso Notifier</at>}) removed from
     * {@code text}. Other mentions stay. Use the result to parse commands in channels and group chats.
     *
     * @return the text without the bot mention, {@code ""} for a message without text
     */
    public static String textWithoutMention(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        String text = activity.text();
        if (text == null) {
            return "";
        }
        ChannelAccount recipient = activity.recipient();
        if (recipient != null && recipient.id() != null) {
            for (Entity entity : activity.entities()) {
                if (entity == null || !entity.isMention()) {
                    continue;
                }
                Object mentioned = entity.properties().get("mentioned");
                Object mentionText = entity.properties().get("text");
                if (recipient.id().equals(text(mentioned, "id")) && mentionText instanceof String s && !s.isEmpty()) {
                    text = text.replace(s, "");
                }
            }
        }
        return text.strip();
    }

    /**
     * A mention of {@code user}: text {@code <at>Name</at>} (name XML-escaped; the id when there is no name) and the
     * matching entity. Put {@link Mention#text()} into the message text and {@link Mention#toEntity()} into its
     * entities, or use {@link #withMention(Activity, ChannelAccount)}.
     */
    public static Mention mention(ChannelAccount user) {
        Objects.requireNonNull(user, "user");
        requireText(user.id(), "user.id", "the Teams id (29:...) of the user to mention");
        return Mention.of(user);
    }

    /**
     * {@code activity} with a mention of {@code user}: the mention entity is added, and the mention text
     * ({@code <at>Name</at>}) is put in front of the message text unless the text already contains it. Teams ignores
     * a mention whose text is not in the message.
     */
    public static Activity withMention(Activity activity, ChannelAccount user) {
        Objects.requireNonNull(activity, "activity");
        Mention mention = mention(user);
        String text = activity.text();
        if (text == null || text.isEmpty()) {
            text = mention.text();
        } else if (!text.contains(mention.text())) {
            text = mention.text() + " " + text;
        }
        return activity.toBuilder().text(text).addEntity(mention.toEntity()).build();
    }

    // --------------------------------------------------------------------------------------------- notifications

    /**
     * {@code activity} with {@code channelData.notification.alert = true}, so Teams raises an activity-feed alert.
     * Other members of the channel data (tenant, unknown members) and of the notification are kept.
     *
     * @throws IllegalArgumentException if the activity's channel data is not a JSON object
     */
    public static Activity withAlert(Activity activity) {
        return withNotification(activity, Map.of("alert", Boolean.TRUE));
    }

    /**
     * {@code activity} shown as an in-meeting notification: {@code channelData.notification.alertInMeeting = true}
     * and {@code externalResourceUrl} (a {@code https://teams.microsoft.com/l/bubble/...} link). Other channel data is
     * kept.
     *
     * @throws IllegalArgumentException if the URL is blank or the activity's channel data is not a JSON object
     */
    public static Activity withMeetingAlert(Activity activity, String externalResourceUrl) {
        requireText(externalResourceUrl, "externalResourceUrl",
                "the https://teams.microsoft.com/l/bubble/<appId>?url=... link of the content to show in the meeting");
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("alertInMeeting", Boolean.TRUE);
        notification.put("externalResourceUrl", externalResourceUrl);
        return withNotification(activity, notification);
    }

    /**
     * {@code activity} with {@code channelData.tenant.id} set (other channel data kept). Teams reads the tenant from
     * there on some routes.
     *
     * @throws IllegalArgumentException if the tenant id is blank or the channel data is not a JSON object
     */
    public static Activity withTenant(Activity activity, String tenantId) {
        Objects.requireNonNull(activity, "activity");
        requireText(tenantId, "tenantId", "the Microsoft Entra tenant id (GUID) of the conversation");
        Map<String, Object> channelData = mutableChannelData(activity);
        Map<String, Object> tenant = mutableObject(channelData.get("tenant"), "channelData.tenant");
        tenant.put("id", tenantId);
        channelData.put("tenant", tenant);
        return activity.toBuilder().channelData(channelData).build();
    }

    private static Activity withNotification(Activity activity, Map<String, Object> values) {
        Objects.requireNonNull(activity, "activity");
        Map<String, Object> channelData = mutableChannelData(activity);
        Map<String, Object> notification = mutableObject(channelData.get("notification"), "channelData.notification");
        notification.putAll(values);
        channelData.put("notification", notification);
        return activity.toBuilder().channelData(channelData).build();
    }

    private static Map<String, Object> mutableChannelData(Activity activity) {
        return mutableObject(activity.channelData(), "channelData");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableObject(Object value, String what) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        throw new IllegalArgumentException(what + " must be a JSON object to add Teams settings to it, but it is "
                + value.getClass().getSimpleName() + "; remove it or set it to an object");
    }

    // ---------------------------------------------------------------------------------------------- channel threads

    /**
     * The conversation id of a thread in a channel: {@code <channelId>;messageid=<rootMessageId>}. Send to it to reply
     * in the thread.
     *
     * @throws IllegalArgumentException if the channel id is blank or already a thread id, or the root message id is
     *     not a non-zero number (Teams message ids are epoch milliseconds)
     */
    public static String threadConversationId(String channelId, String rootMessageId) {
        return TeamsIds.threadConversationId(channelId, rootMessageId);
    }

    /**
     * The channel id of a conversation id: the part before {@code ;messageid=}, or the id itself when it is not a
     * thread id.
     */
    public static String channelIdOfThread(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        return TeamsIds.channelIdOfThread(conversationId);
    }

    /** The root message id of a thread conversation id (after {@code ;messageid=}), or {@code null}. */
    public static String rootMessageIdOfThread(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        return TeamsIds.rootMessageIdOfThread(conversationId);
    }

    /**
     * {@code activity} addressed to the thread {@code rootMessageId} of {@code channelId}: its conversation id becomes
     * the thread id ({@link #threadConversationId(String, String)}), conversation type {@code channel}, group
     * {@code true}; other conversation members (tenant id) are kept.
     */
    public static Activity inThread(Activity activity, String channelId, String rootMessageId) {
        Objects.requireNonNull(activity, "activity");
        String threadId = TeamsIds.threadConversationId(channelId, rootMessageId);
        ConversationAccount conversation = activity.conversation();
        ConversationAccount.Builder b = conversation == null ? ConversationAccount.builder() : conversation.toBuilder();
        return activity.toBuilder()
                .conversation(b.id(threadId).isGroup(Boolean.TRUE).conversationType(CONVERSATION_TYPE_CHANNEL).build())
                .build();
    }

    // ------------------------------------------------------------------------------------------------- internals

    private static boolean isMessageLike(Activity activity) {
        return activity.isType(ActivityTypes.MESSAGE) || activity.isType(ActivityTypes.MESSAGE_UPDATE)
                || activity.isType(ActivityTypes.MESSAGE_DELETE) || activity.isType(ActivityTypes.MESSAGE_REACTION);
    }

    private static List<TeamsChannelAccount> toTeamsAccounts(List<ChannelAccount> accounts) {
        List<TeamsChannelAccount> out = new ArrayList<>(accounts.size());
        for (ChannelAccount account : accounts) {
            if (account != null) {
                out.add(TeamsChannelAccount.from(account));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean containsRecipient(List<ChannelAccount> members, ChannelAccount recipient) {
        if (recipient == null || recipient.id() == null) {
            return false;
        }
        for (ChannelAccount member : members) {
            if (member != null && recipient.id().equals(member.id())) {
                return true;
            }
        }
        return false;
    }

    private static void requireText(String value, String name, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required: pass " + what);
        }
    }
}

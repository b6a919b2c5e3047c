package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.exception.JsonFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The body of a Teams batch message, one shape for the four routes:
 * <ul>
 *   <li>{@code POST /v3/batch/conversation/users/}: {@code {members: [{id: userId}], activity, tenantId}}</li>
 *   <li>{@code POST /v3/batch/conversation/tenant/}: {@code {activity, tenantId}}</li>
 *   <li>{@code POST /v3/batch/conversation/team/}: {@code {activity, teamId, tenantId}}</li>
 *   <li>{@code POST /v3/batch/conversation/channels/}: {@code {members: [{id: channelId}], activity, tenantId}}</li>
 * </ul>
 *
 * <p>Written in camelCase. Bodies written by other SDKs with PascalCase top-level keys ({@code Members},
 * {@code Activity}, {@code TenantId}, {@code TeamId}) are kept as received: those keys stay in {@link #properties()}
 * and are written back unchanged, and the typed accessors ({@link #members()}, {@link #activity()},
 * {@link #tenantId()}, {@link #teamId()}) read either spelling, camelCase first. Setting a value on the builder
 * replaces both spellings.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}.
 */
@JsonDeserialize(builder = BatchMessageRequest.Builder.class)
public final class BatchMessageRequest extends JsonModel {

    private static final String PASCAL_MEMBERS = "Members";
    private static final String PASCAL_ACTIVITY = "Activity";
    private static final String PASCAL_TENANT_ID = "TenantId";
    private static final String PASCAL_TEAM_ID = "TeamId";

    private final List<BatchMember> members;
    private final Activity activity;
    private final String teamId;
    private final String tenantId;

    // Values read from either spelling; derived, so transient: not JSON members.
    private final transient List<BatchMember> anyMembers;
    private final transient Activity anyActivity;

    private BatchMessageRequest(Builder builder) {
        super(builder);
        this.members = copyOf(builder.members);
        this.activity = builder.activity;
        this.teamId = builder.teamId;
        this.tenantId = builder.tenantId;
        this.anyMembers = members != null ? members : pascalMembers(properties().get(PASCAL_MEMBERS));
        this.anyActivity = activity != null ? activity : pascalActivity(properties().get(PASCAL_ACTIVITY));
    }

    private static List<BatchMember> pascalMembers(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<BatchMember> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(item == null ? null : convert(item, BatchMember.class));
        }
        return copyOf(out);
    }

    private static Activity pascalActivity(Object value) {
        return value instanceof Map<?, ?> ? convert(value, Activity.class) : null;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with this object's values, unknown members included. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a batch message request from JSON text (camelCase or PascalCase keys); unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchMessageRequest fromJson(String json) {
        return parse(json, BatchMessageRequest.class);
    }

    /**
     * The recipients ({@code members}, else {@code Members}): user ids for the users route, channel ids for the
     * channels route; empty for the tenant and team routes.
     */
    public List<BatchMember> members() {
        return orEmpty(anyMembers);
    }

    /** The message to send ({@code activity}, else {@code Activity}). */
    public Activity activity() {
        return anyActivity;
    }

    /** The team whose members receive the message, team route only ({@code teamId}, else {@code TeamId}). */
    public String teamId() {
        return teamId != null ? teamId : text(properties().get(PASCAL_TEAM_ID));
    }

    /** The Microsoft Entra tenant id ({@code tenantId}, else {@code TenantId}). */
    public String tenantId() {
        return tenantId != null ? tenantId : text(properties().get(PASCAL_TENANT_ID));
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    @Override
    protected Object[] values() {
        return new Object[] {members, activity, teamId, tenantId};
    }

    /** Builder for {@link BatchMessageRequest}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private List<BatchMember> members;
        private Activity activity;
        private String teamId;
        private String tenantId;

        private Builder() {
        }

        private Builder(BatchMessageRequest source) {
            super(source);
            this.members = mutableCopy(source.members);
            this.activity = source.activity;
            this.teamId = source.teamId;
            this.tenantId = source.tenantId;
        }

        /** The recipients: user ids (users route) or channel ids (channels route). */
        public Builder members(List<BatchMember> members) {
            this.members = mutableCopy(members);
            return removeProperty(PASCAL_MEMBERS);
        }

        /** The recipients: user ids (users route) or channel ids (channels route). */
        public Builder members(BatchMember... members) {
            return members(members == null ? null : Arrays.asList(members));
        }

        /** The message to send (type {@code message}). */
        public Builder activity(Activity activity) {
            this.activity = activity;
            return removeProperty(PASCAL_ACTIVITY);
        }

        /** The team whose members receive the message (team route only). */
        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return removeProperty(PASCAL_TEAM_ID);
        }

        /** The Microsoft Entra tenant id (required on every route). */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return removeProperty(PASCAL_TENANT_ID);
        }

        /** The immutable BatchMessageRequest. */
        public BatchMessageRequest build() {
            return new BatchMessageRequest(this);
        }
    }
}

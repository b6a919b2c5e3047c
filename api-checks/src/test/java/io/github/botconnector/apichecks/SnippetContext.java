package io.github.botconnector.apichecks;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.TeamsClient;
import io.github.botconnector.testing.FakeConnector;
import java.util.ArrayList;
import javax.sql.DataSource;

/**
 * What the README snippets take as given: the names they use without declaring them (the application's ids,
 * secrets, clients, stores and requests). A snippet compiles as the body of a method (or a class body) of a
 * subclass; a snippet that declares one of these names shadows it.
 */
public abstract class SnippetContext {

    protected String appId;
    protected String secret;
    protected String tenantId;
    protected String msiClientId;
    protected String manifestId;
    protected String storedJson;
    protected String userId;
    protected String teamId;
    protected String channelId;
    protected String conversationId;
    protected String activityId;
    protected String id;
    protected TokenProvider credentials;
    protected ConnectorClient client;
    protected TeamsClient teams;
    protected ChannelAccount bot;
    protected ChannelAccount member;
    protected ConversationReference groupChatRef;
    protected Activity activity;
    protected Activity inbound;
    protected DataSource dataSource;
    protected ArrayList<io.github.botconnector.broadcast.Recipient> recipients;
    protected References references;
    protected ServiceUrls store;
    protected OptOuts optOuts;
    protected InboundRequest request;
    protected FakeConnector fake;

    /** Writes the HTTP status of the inbound request's answer. */
    protected void respond(int status) {
    }

    /** Writes a log line. */
    protected void log(Object... parts) {
    }

    /** The application's own store of conversation references. */
    protected abstract static class References extends ArrayList<ConversationReference> {
        private static final long serialVersionUID = 1L;

        /** Keeps a reference's JSON. */
        public abstract void save(String json);
    }

    /** The application's record of each tenant's service URL. */
    protected interface ServiceUrls {
        /** The stored service URL of a tenant, or {@code null}. */
        String serviceUrl(String tenantId);
    }

    /** The application's record of who opted out of what. */
    protected interface OptOuts {
        /** Records an opt-out. */
        void record(String userId, String topic);
    }

    /** The inbound HTTP request of the web framework in use. */
    protected interface InboundRequest {
        /** A request header. */
        String header(String name);
    }
}

package io.github.botconnector.benchmarks.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Adapter to botbuilder-java 4.14.3, compiled against it and loaded in an isolated class loader by the benchmarks.
 *
 * <p>Every method returns a JDK type ({@link Callable}, {@link Function}, {@link AutoCloseable}) so that no class is
 * shared between the benchmark's class loader and botbuilder-java's.
 */
public final class BotbuilderPeer {

    private BotbuilderPeer() {
    }

    /**
     * A sender of {@code activityJson} to {@code conversationId} through {@code RestConnectorClient}, as shipped
     * (default OkHttp client, retry handler, interceptors), with a credential that always has token {@code token}.
     * The returned object is a {@code Callable<String>} (returns the new activity id) and an {@link AutoCloseable}.
     */
    public static Object sender(String serviceUrl, String conversationId, String activityJson, String token) {
        RestConnectorClient client = new RestConnectorClient(serviceUrl, new FixedTokenCredentials(token));
        Activity activity = parse(wireMapper(), activityJson);
        return new Sender(client, conversationId, activity);
    }

    /**
     * {@code Function<String, Object>}: JSON text to a botbuilder-java {@code Activity}.
     *
     * @param mapper {@code "serialization"} for the mapper of {@code com.microsoft.bot.schema.Serialization} (what
     *               botbuilder-java uses for activities in memory), {@code "wire"} for the {@code JacksonAdapter} mapper
     *               {@code RestConnectorClient} uses for request and response bodies
     */
    public static Function<String, Object> parser(String mapper) {
        ObjectMapper m = mapper(mapper);
        return json -> parse(m, json);
    }

    /** {@code Function<Object, String>}: a botbuilder-java {@code Activity} to JSON text; see {@link #parser}. */
    public static Function<Object, String> serializer(String mapper) {
        ObjectMapper m = mapper(mapper);
        return activity -> {
            try {
                return m.writeValueAsString(activity);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static ObjectMapper mapper(String name) {
        switch (name) {
            case "wire":
                return wireMapper();
            case "serialization":
                try {
                    Field field = Serialization.class.getDeclaredField("objectMapper");
                    field.setAccessible(true);
                    return (ObjectMapper) field.get(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("botbuilder-java Serialization has no objectMapper", e);
                }
            default:
                throw new IllegalArgumentException("Unknown mapper " + name);
        }
    }

    /** The mapper {@code RestConnectorClient} uses for request and response bodies. */
    private static ObjectMapper wireMapper() {
        return new JacksonAdapter().serializer();
    }

    private static Activity parse(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Activity.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Credentials whose token is fixed: the request still goes through {@code AppCredentialsInterceptor}. */
    private static final class FixedTokenCredentials extends MicrosoftAppCredentials {
        private final CompletableFuture<String> token;

        FixedTokenCredentials(String token) {
            super("00000000-0000-0000-0000-000000000001", "unused");
            this.token = CompletableFuture.completedFuture(token);
        }

        @Override
        public CompletableFuture<String> getToken() {
            return token;
        }
    }

    private static final class Sender implements Callable<String>, AutoCloseable {
        private final RestConnectorClient client;
        private final String conversationId;
        private final Activity activity;

        Sender(RestConnectorClient client, String conversationId, Activity activity) {
            this.client = client;
            this.conversationId = conversationId;
            this.activity = activity;
        }

        @Override
        public String call() {
            ResourceResponse response = client.getConversations().sendToConversation(conversationId, activity).join();
            return response.getId();
        }

        @Override
        public void close() {
            client.getRestClient().httpClient().dispatcher().executorService().shutdown();
            client.getRestClient().httpClient().connectionPool().evictAll();
        }
    }
}

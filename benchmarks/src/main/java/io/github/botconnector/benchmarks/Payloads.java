package io.github.botconnector.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The fixture payloads the benchmarks use (copied from connector-core's test fixtures into this jar). */
public final class Payloads {

    /** Body of the send benchmarks: a Teams message with an Adaptive Card, as sent to a personal chat. */
    public static final String SEND_TO_CONVERSATION = "fixtures/connector/send-to-conversation.request.json";

    /** Conversation id the send benchmarks post to (the fixture's {@code conversation.id}). */
    public static final String CONVERSATION_ID = "a:1R_0bImEnyH6vtVQNnRxrEN86q9eprIs_DdknLzad7TKuP9GJIdWHda3l2P6q6xU9N"
            + "G0fGECJ5wAu5HsgdbngLAxcVzHYtMHqNp4NJqN0kRifUvCng-aAbRIjY104KhM";

    /** Inbound activities for the parse/serialize benchmarks. */
    public static final List<String> ACTIVITIES = List.of(
            "fixtures/activities/message-personal.json",
            "fixtures/activities/message-channel-mention.json",
            "fixtures/activities/message-group-chat.json",
            "fixtures/activities/message-update-edit.json",
            "fixtures/activities/conversation-update-team-member-added.json",
            "fixtures/activities/installation-update-add-team.json",
            "fixtures/activities/message-timestamp-no-fraction.json");

    private Payloads() {
    }

    /** The text of a resource in this jar. */
    public static String read(String resource) {
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name of a resource path. */
    public static String name(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}

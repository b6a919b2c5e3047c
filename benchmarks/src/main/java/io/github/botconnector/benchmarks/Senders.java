package io.github.botconnector.benchmarks;

/** Creates the {@link Sender} for a client name used as a benchmark parameter. */
public final class Senders {

    /** Raw OkHttp POST of the pre-serialized body. */
    public static final String FLOOR = "floor";
    /** The floor plus serializing the activity and parsing the response on every send. */
    public static final String FLOOR_JSON = "floor+json";
    /** Our {@code ConnectorClient}. */
    public static final String OURS = "ours";
    /** Our {@code ConnectorClient} sending a new copy of the activity each time (JSON serialized per send). */
    public static final String OURS_FRESH = "ours-fresh";
    /** botbuilder-java 4.14.3 {@code RestConnectorClient}. */
    public static final String BOTBUILDER = "botbuilder-java";

    private Senders() {
    }

    /** A sender of the benchmark payload to the responder at {@code serviceUrl}. */
    public static Sender create(String client, String serviceUrl) {
        String body = Payloads.read(Payloads.SEND_TO_CONVERSATION);
        return switch (client) {
            case FLOOR -> new FloorSender(serviceUrl, Payloads.CONVERSATION_ID, compact(body));
            case FLOOR_JSON -> new FloorJsonSender(serviceUrl, Payloads.CONVERSATION_ID, body);
            case OURS -> OursSender.create(serviceUrl, Payloads.CONVERSATION_ID, body);
            case OURS_FRESH -> OursSender.createFresh(serviceUrl, Payloads.CONVERSATION_ID, body);
            case BOTBUILDER -> new PeerSender(Peer.load(), serviceUrl, Payloads.CONVERSATION_ID, body);
            default -> throw new IllegalArgumentException("Unknown client " + client);
        };
    }

    /** The fixture without insignificant whitespace, as a client would put it on the wire. */
    static String compact(String json) {
        return io.github.botconnector.internal.Json.write(io.github.botconnector.schema.Activity.fromJson(json));
    }
}

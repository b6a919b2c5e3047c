package io.github.botconnector.benchmarks;

/** Creates the {@link Sender} for a client name used as a benchmark parameter. */
public final class Senders {

    /** Raw OkHttp POST of the pre-serialized body. */
    public static final String FLOOR = "floor";
    /** The floor plus serializing the activity and parsing the response on every send. */
    public static final String FLOOR_JSON = "floor+json";
    /** {@link #FLOOR_JSON} with {@code enqueue} and a wait instead of a blocking {@code execute()}. */
    public static final String FLOOR_JSON_ASYNC = "floor+json+async";
    /** Our {@code ConnectorClient}. */
    public static final String OURS = "ours";
    /** Our {@code ConnectorClient} on an OkHttp client whose pool keeps 64 idle connections. */
    public static final String OURS_POOLED = "ours-pool64";
    /** botbuilder-java 4.14.3 {@code RestConnectorClient}. */
    public static final String BOTBUILDER = "botbuilder-java";

    private Senders() {
    }

    /** A sender of the benchmark payload to the responder at {@code serviceUrl}. */
    public static Sender create(String client, String serviceUrl) {
        String body = Payloads.read(Payloads.SEND_TO_CONVERSATION);
        return switch (client) {
            case FLOOR -> new FloorSender(serviceUrl, Payloads.CONVERSATION_ID, compact(body));
            case FLOOR_JSON -> new FloorJsonSender(serviceUrl, Payloads.CONVERSATION_ID, body, false);
            case FLOOR_JSON_ASYNC -> new FloorJsonSender(serviceUrl, Payloads.CONVERSATION_ID, body, true);
            case OURS -> OursSender.create(serviceUrl, Payloads.CONVERSATION_ID, body);
            case OURS_POOLED -> OursSender.createPooled(serviceUrl, Payloads.CONVERSATION_ID, body);
            case BOTBUILDER -> new PeerSender(Peer.load(), serviceUrl, Payloads.CONVERSATION_ID, body);
            default -> throw new IllegalArgumentException("Unknown client " + client);
        };
    }

    /** The fixture without insignificant whitespace, as a client would put it on the wire. */
    static String compact(String json) {
        return io.github.botconnector.schema.Activity.fromJson(json).toJson();
    }
}

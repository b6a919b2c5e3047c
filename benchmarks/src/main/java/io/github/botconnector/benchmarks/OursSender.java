package io.github.botconnector.benchmarks;

/** Our {@code ConnectorClient}; not available until the client lands in connector-core. */
final class OursSender {

    private OursSender() {
    }

    /** Whether connector-core on the class path has {@code ConnectorClient}. */
    static boolean available() {
        try {
            Class.forName("io.github.botconnector.ConnectorClient", false, OursSender.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Sender create(String serviceUrl, String conversationId, String activityJson) {
        throw new UnsupportedOperationException("ConnectorClient is not in connector-core yet");
    }
}

package io.github.botconnector.benchmarks;

/**
 * Token behaviour under load: 64 concurrent senders ask a credential for a token while a simulated clock runs
 * through several token lifetimes against the loopback token endpoint; a single-flight cache makes about one token
 * request per lifetime, not one per sender.
 */
final class TokenProbe {

    /** Result of a probe run. */
    record Result(boolean measured, String note, int senders, long calls, long lifetimes, long tokenRequests,
                  long coldStartRequests) {
    }

    private TokenProbe() {
    }

    /** Whether connector-core on the class path has the client-secret credential. */
    static boolean available() {
        try {
            Class.forName("io.github.botconnector.auth.ClientSecretCredential", false,
                    TokenProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Result run(LoopbackServer server) {
        return new Result(false, "Not measured yet: ClientSecretCredential is not in connector-core.", 64, 0, 0, 0,
                0);
    }
}

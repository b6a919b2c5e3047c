package io.github.botconnector.benchmarks;

/** One way of sending the benchmark activity; thread-safe. */
public interface Sender extends AutoCloseable {

    /** Sends the activity once and returns the id the server assigned. */
    String send() throws Exception;

    /** Releases the client's connections and threads. */
    @Override
    void close();
}

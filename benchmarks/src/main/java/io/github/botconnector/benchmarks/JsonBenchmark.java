package io.github.botconnector.benchmarks;

import io.github.botconnector.internal.Json;
import io.github.botconnector.schema.Activity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Activity JSON parse and serialize: ours ({@code Activity.fromJson}, and for serialize the mapper behind
 * {@code toJson}, which memoizes its result) against botbuilder-java's
 * {@code com.microsoft.bot.schema.Activity} with the Jackson mapper its {@code RestConnectorClient} uses. One
 * operation handles every fixture in {@link #payloads(Peer)} once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class JsonBenchmark {

    /** botbuilder-java with the mapper {@code RestConnectorClient} uses on the wire ({@code JacksonAdapter}). */
    public static final String BOTBUILDER_WIRE = "botbuilder-java-wire";

    /**
     * Which model and mapper: ours, botbuilder-java with its {@code Serialization} mapper, or botbuilder-java with
     * its wire mapper.
     */
    @Param({Senders.OURS, Senders.BOTBUILDER, BOTBUILDER_WIRE})
    public String impl;

    private Function<String, Object> parser;
    private Function<Object, String> serializer;
    private String[] texts;
    private Object[] parsed;

    /**
     * Fixtures every implementation can read. botbuilder-java 4.14.3 cannot parse a timestamp without fractional
     * seconds, so {@code message-timestamp-no-fraction.json} is left out for both (see {@link #unreadable}).
     */
    public static List<String> payloads(Peer peer) {
        Function<String, Object> serialization = peer.parser("serialization");
        Function<String, Object> wire = peer.parser("wire");
        List<String> usable = new ArrayList<>();
        for (String resource : Payloads.ACTIVITIES) {
            if (unreadable(serialization, resource) == null && unreadable(wire, resource) == null) {
                usable.add(resource);
            }
        }
        return usable;
    }

    /** Why {@code parser} cannot read {@code resource}, or null when it can. */
    public static String unreadable(Function<String, Object> parser, String resource) {
        try {
            parser.apply(Payloads.read(resource));
            return null;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String message = String.valueOf(root.getMessage());
            int nl = message.indexOf('\n');
            return root.getClass().getSimpleName() + ": " + (nl > 0 ? message.substring(0, nl) : message);
        }
    }

    /** Loads the payloads and the implementation. */
    @Setup(Level.Trial)
    public void setUp() {
        Peer peer = Peer.load();
        if (Senders.OURS.equals(impl)) {
            parser = Activity::fromJson;
            // A real serialization: toJson() would return the memoized JSON after its first call.
            serializer = Json::write;
        } else {
            String mapper = BOTBUILDER_WIRE.equals(impl) ? "wire" : "serialization";
            parser = peer.parser(mapper);
            serializer = peer.serializer(mapper);
        }
        List<String> resources = payloads(peer);
        texts = resources.stream().map(Payloads::read).toArray(String[]::new);
        parsed = new Object[texts.length];
        for (int i = 0; i < texts.length; i++) {
            parsed[i] = parser.apply(texts[i]);
        }
    }

    /** Parses every payload once. */
    @Benchmark
    public void parse(Blackhole bh) {
        for (String text : texts) {
            bh.consume(parser.apply(text));
        }
    }

    /** Serializes every (pre-parsed) payload once. */
    @Benchmark
    public void serialize(Blackhole bh) {
        for (Object activity : parsed) {
            bh.consume(serializer.apply(activity));
        }
    }
}

package io.github.botconnector.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * botbuilder-java 4.14.3, loaded in its own class loader.
 *
 * <p>The loader's parent is the platform class loader, so botbuilder-java sees only its own jars (OkHttp 3.12,
 * Jackson 2.12, Retrofit, ...) and never ours (OkHttp 5, Jackson 2.22). The adapter
 * ({@code benchmarks/peer}, compiled against botbuilder-java) hands back JDK types only.
 */
public final class Peer {

    /** System property naming the directory that holds {@code peer-lib/} and {@code peer-adapter/}. */
    public static final String DIR_PROPERTY = "bench.peerDir";

    private static final String ADAPTER = "io.github.botconnector.benchmarks.peer.BotbuilderPeer";

    private final URLClassLoader loader;
    private final Class<?> adapter;

    private Peer(URLClassLoader loader) throws ClassNotFoundException {
        this.loader = loader;
        this.adapter = Class.forName(ADAPTER, true, loader);
    }

    /** Loads botbuilder-java from {@code dir/peer-lib} and the adapter from {@code dir/peer-adapter}. */
    public static Peer load(Path dir) {
        List<URL> urls = new ArrayList<>();
        urls.addAll(jars(dir.resolve("peer-adapter")));
        urls.addAll(jars(dir.resolve("peer-lib")));
        try {
            return new Peer(new URLClassLoader("botbuilder-java", urls.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("botbuilder-java adapter not found in " + dir
                    + "; build it with mvn -pl benchmarks -am package", e);
        }
    }

    /** Loads from the directory in system property {@value #DIR_PROPERTY}. */
    public static Peer load() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("System property " + DIR_PROPERTY + " is not set");
        }
        return load(Path.of(dir));
    }

    /** Jars in {@code dir}, sorted by name; fails if there are none. */
    static List<URL> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<URL> urls = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
            if (urls.isEmpty()) {
                throw new IllegalStateException("No jars in " + dir);
            }
            return urls;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + "; build it with mvn -pl benchmarks -am package",
                    e);
        }
    }

    /** A sender through botbuilder-java's {@code RestConnectorClient} with a fixed token. */
    @SuppressWarnings("unchecked")
    public Callable<String> sender(String serviceUrl, String conversationId, String activityJson, String token) {
        return (Callable<String>) invoke("sender", new Class<?>[] {String.class, String.class, String.class,
            String.class}, serviceUrl, conversationId, activityJson, token);
    }

    /**
     * JSON text to a botbuilder-java {@code Activity} with the {@code "serialization"} mapper (botbuilder-java's
     * {@code Serialization}) or the {@code "wire"} mapper ({@code RestConnectorClient}'s {@code JacksonAdapter}).
     */
    @SuppressWarnings("unchecked")
    public Function<String, Object> parser(String mapper) {
        return (Function<String, Object>) invoke("parser", new Class<?>[] {String.class}, mapper);
    }

    /** A botbuilder-java {@code Activity} to JSON text; see {@link #parser(String)}. */
    @SuppressWarnings("unchecked")
    public Function<Object, String> serializer(String mapper) {
        return (Function<Object, String>) invoke("serializer", new Class<?>[] {String.class}, mapper);
    }

    private Object invoke(String name, Class<?>[] types, Object... args) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Method m = adapter.getMethod(name, types);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}

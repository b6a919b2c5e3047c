package io.github.botconnector.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test payloads copied from the shared fixture set (see {@code fixtures/README.md}); shared with other modules'
 * tests through the connector-core test jar.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The text of {@code fixtures/<path>}, for example {@code activities/message-personal.json}. */
    public static String read(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of {@code fixtures/<path>}. */
    public static byte[] bytes(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path);
        if (in == null) {
            throw new IllegalArgumentException("No fixture fixtures/" + path);
        }
        return in;
    }

    /** Names (relative to {@code fixtures/}) of the {@code .json} files directly in {@code folder}, sorted. */
    public static List<String> list(String folder) {
        URL url = Fixtures.class.getResource("/fixtures/" + folder);
        if (url == null) {
            throw new IllegalArgumentException("No fixture folder fixtures/" + folder);
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(url.toURI());
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(url.toURI(), Map.of());
                }
                return names(fs.getPath("/fixtures/" + folder), folder);
            }
            return names(Path.of(url.toURI()), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path dir, String folder) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .map(n -> folder + "/" + n)
                    .toList();
        }
    }
}

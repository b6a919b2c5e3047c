package io.github.botconnector.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Number and total size of runtime jars: connector-core + connector-teams with their dependencies
 * ({@code target/footprint-ours}) against botbuilder-java's {@code bot-connector} ({@code target/peer-lib}); both
 * directories are filled by maven-dependency-plugin during {@code package}.
 *
 * @param jars  jar file names
 * @param bytes total size
 */
public record Footprint(List<String> jars, long bytes) {

    /** The jars in {@code dir}. */
    public static Footprint of(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            long total = 0;
            for (Path p : jars) {
                total += Files.size(p);
            }
            return new Footprint(jars.stream().map(p -> p.getFileName().toString()).toList(), total);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + "; run mvn -pl benchmarks -am package first", e);
        }
    }

    /** Size in MiB. */
    public double mebibytes() {
        return bytes / (1024.0 * 1024.0);
    }
}

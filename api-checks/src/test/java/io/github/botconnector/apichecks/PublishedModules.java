package io.github.botconnector.apichecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The published modules and the packages they export: those named by an unqualified {@code exports} of the module's
 * {@code module-info.java}, or, for a module without one, every package of its classes; {@code internal} packages
 * never.
 */
record PublishedModules(Path root, List<Module> modules) {

    static final List<String> NAMES = List.of("connector-core", "connector-teams", "connector-testing",
            "connector-broadcast", "connector-spring-boot-starter");

    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** One published module: its name, compiled classes and exported packages. */
    record Module(String name, Path classes, TreeSet<String> packages) {

        /** The signature file kept in the module's folder. */
        Path apiFile(Path root) {
            return root.resolve(name).resolve("api").resolve(name + ".api");
        }

        /** Binary names of the top-level and nested classes of the exported packages, sorted. */
        List<String> classNames() {
            List<String> names = new ArrayList<>();
            for (String pkg : packages) {
                Path dir = classes.resolve(pkg.replace('.', '/'));
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(f -> f.getFileName().toString())
                            .filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
                            .map(f -> f.substring(0, f.length() - ".class".length()))
                            .filter(n -> !n.matches(".*\\$\\d.*"))           // anonymous and local classes
                            .forEach(n -> names.add(pkg + "." + n));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            names.sort(null);
            return names;
        }
    }

    /** The modules of the checkout this build runs in ({@code api.root}, set by the build). */
    static PublishedModules load() {
        Path root = Path.of(System.getProperty("api.root", "..")).toAbsolutePath().normalize();
        List<Module> modules = new ArrayList<>();
        for (String name : NAMES) {
            Path classes = root.resolve(name).resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(classes + " is missing: build in the reactor (mvn -pl api-checks -am)");
            }
            modules.add(new Module(name, classes, exportedPackages(root.resolve(name), classes)));
        }
        return new PublishedModules(root, modules);
    }

    private static TreeSet<String> exportedPackages(Path moduleDir, Path classes) {
        TreeSet<String> packages = new TreeSet<>();
        Path moduleInfo = moduleDir.resolve("src/main/java/module-info.java");
        try {
            if (Files.exists(moduleInfo)) {
                Matcher m = EXPORTS.matcher(Files.readString(moduleInfo));
                while (m.find()) {
                    packages.add(m.group(1));
                }
            } else {
                try (Stream<Path> files = Files.walk(classes)) {
                    files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                            .map(f -> classes.relativize(f.getParent()).toString().replace('/', '.'))
                            .forEach(packages::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        packages.removeIf(p -> p.equals("internal") || p.contains(".internal") || p.isEmpty());
        return packages;
    }

    /** Every exported package of every published module. */
    TreeSet<String> packages() {
        TreeSet<String> all = new TreeSet<>();
        modules.forEach(m -> all.addAll(m.packages()));
        return all;
    }
}

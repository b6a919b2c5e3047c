package io.github.botconnector.apichecks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The public API of every published module equals its checked-in signature file ({@code <module>/api/<module>.api}),
 * so no public change goes out unannounced: a change shows up as a diff of that file in review.
 */
class PublicApiTest {

    static final String UPDATE_COMMAND = "mvn -B -q -pl api-checks -am verify -DskipTests -Dapi.update=true";

    @Test
    void publicApiOfEveryPublishedModuleMatchesItsSignatureFile() throws IOException {
        PublishedModules published = PublishedModules.load();
        boolean update = Boolean.getBoolean("api.update");
        StringBuilder failures = new StringBuilder();
        for (PublishedModules.Module module : published.modules()) {
            String actual = ApiSignatures.of(module);
            Path file = module.apiFile(published.root());
            if (update) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                continue;
            }
            String expected = Files.exists(file) ? Files.readString(file).replace("\r\n", "\n") : "";
            if (!expected.equals(actual)) {
                failures.append(published.root().relativize(file)).append(" differs from the public API:\n")
                        .append(diff(expected, actual)).append('\n');
            }
        }
        if (failures.length() > 0) {
            fail("The public API changed. If that is intended, regenerate the signature files and commit them:\n  "
                    + UPDATE_COMMAND + "\n\n" + failures);
        }
    }

    @Test
    void signatureFilesNameNoInternalPackage() {
        PublishedModules published = PublishedModules.load();
        for (PublishedModules.Module module : published.modules()) {
            assertTrue(module.packages().stream().noneMatch(p -> p.contains("internal")), module.packages()::toString);
            assertTrue(!module.packages().isEmpty(), module.name() + " exports no package");
        }
    }

    /** What differs, type by type: "-" only in the file, "+" only in the classes. */
    static String diff(String expected, String actual) {
        Map<String, List<String>> old = types(expected);
        Map<String, List<String>> now = types(actual);
        TreeSet<String> headers = new TreeSet<>(old.keySet());
        headers.addAll(now.keySet());
        List<String> lines = new ArrayList<>();
        for (String header : headers) {
            if (!now.containsKey(header)) {
                lines.add("  - " + header);
            } else if (!old.containsKey(header)) {
                lines.add("  + " + header);
                now.get(header).forEach(m -> lines.add("  +     " + m));
            } else if (!old.get(header).equals(now.get(header))) {
                lines.add("    " + header);
                old.get(header).stream().filter(m -> !now.get(header).contains(m))
                        .forEach(m -> lines.add("  -     " + m));
                now.get(header).stream().filter(m -> !old.get(header).contains(m))
                        .forEach(m -> lines.add("  +     " + m));
            }
        }
        return String.join("\n", lines);
    }

    private static Map<String, List<String>> types(String api) {
        Map<String, List<String>> types = new TreeMap<>();
        List<String> members = null;
        for (String line : api.split("\n")) {
            if (line.endsWith(" {") && !line.startsWith(" ")) {
                members = new ArrayList<>();
                types.put(line.substring(0, line.length() - 2), members);
            } else if (line.startsWith("  ") && members != null) {
                members.add(line.strip());
            }
        }
        return types;
    }
}

package io.github.botconnector.apichecks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * The public API of a module as text: every public type of its exported packages with its public and protected
 * members as {@code javap -protected} prints them, types sorted by name and members sorted within a type. Read from
 * the class files, so a module's optional dependencies (Spring, Micrometer) need not be present.
 */
final class ApiSignatures {

    private ApiSignatures() {
    }

    static String of(PublishedModules.Module module) {
        List<String> args = new ArrayList<>(List.of("-protected", "-cp", module.classes().toString()));
        args.addAll(module.classNames());
        String out = run("javap", args);
        List<Type> types = new ArrayList<>();
        Type current = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("Compiled from") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ") && line.endsWith("{")) {
                current = new Type(line.substring(0, line.length() - 1).strip(), new ArrayList<>());
                types.add(current);
            } else if (line.equals("}")) {
                current = null;
            } else if (current != null) {
                current.members().add(line.strip());
            }
        }
        StringBuilder api = new StringBuilder();
        types.stream()
                .filter(t -> t.header().startsWith("public ") || t.header().startsWith("protected "))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(t -> {
                    api.append(t.header()).append(" {\n");
                    t.members().stream().sorted().forEach(m -> api.append("  ").append(m).append('\n'));
                    api.append("}\n\n");
                });
        return api.toString();
    }

    static String run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = provider.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(tool + " failed (" + status + "): " + err + out);
        }
        return out.toString().replace("\r\n", "\n");
    }

    private record Type(String header, List<String> members) {

        /** The type's binary name: the first word of the header that contains a dot. */
        String name() {
            for (String word : header.split("[ <]")) {
                if (word.contains(".")) {
                    return word;
                }
            }
            return header;
        }
    }
}

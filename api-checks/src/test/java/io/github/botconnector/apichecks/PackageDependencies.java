package io.github.botconnector.apichecks;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package uses which, read from the constant pools of the class files: every class reference, descriptor and
 * generic signature names the types a class depends on.
 */
final class PackageDependencies {

    private static final Pattern SDK_TYPE = Pattern.compile("io/github/botconnector(?:/[A-Za-z_$][\\w$]*)+");

    private PackageDependencies() {
    }

    /** Package to the other SDK packages its classes use, over the given class folders. */
    static Map<String, Set<String>> of(List<Path> classFolders) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path folder : classFolders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class")
                                && !f.endsWith("package-info.class"))
                        .forEach(f -> {
                            String pkg = folder.relativize(f.getParent()).toString().replace('/', '.');
                            Set<String> targets = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                            for (String name : constantPoolStrings(f)) {
                                Matcher m = SDK_TYPE.matcher(name);
                                while (m.find()) {
                                    String type = m.group();
                                    String target = type.substring(0, type.lastIndexOf('/')).replace('/', '.');
                                    if (!target.equals(pkg)) {
                                        targets.add(target);
                                    }
                                }
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uses;
    }

    /** The UTF-8 entries of a class file's constant pool (class names, descriptors, signatures, ...). */
    static List<String> constantPoolStrings(Path classFile) {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            data.readUnsignedShort();       // minor version
            data.readUnsignedShort();       // major version
            int count = data.readUnsignedShort();
            List<String> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(data.readUTF());                           // Utf8
                    case 3, 4 -> data.skipBytes(4);                                  // Integer, Float
                    case 5, 6 -> {                                                   // Long, Double: two slots
                        data.skipBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);      // Class, String, MethodType, Module, Package
                    case 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);                 // refs, NameAndType, dynamic
                    case 15 -> data.skipBytes(3);                                    // MethodHandle
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cycles of a dependency graph: its strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        return new Tarjan(graph).run();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> run() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.add(node);
            onStack.add(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.remove(stack.size() - 1);
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                if (component.size() > 1) {
                    components.add(component);
                }
            }
        }
    }
}

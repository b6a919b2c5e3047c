package io.github.botconnector.apichecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published packages depend on each other without cycles, so each can be read (and changed) on its own. */
class PackageCycleTest {

    @Test
    void publishedPackagesHaveNoCycles() {
        PublishedModules published = PublishedModules.load();
        Set<String> packages = published.packages();
        Map<String, Set<String>> all = PackageDependencies.of(
                published.modules().stream().map(PublishedModules.Module::classes).toList());
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String pkg : packages) {
            Set<String> targets = new TreeSet<>(all.getOrDefault(pkg, Set.of()));
            targets.retainAll(packages);
            graph.put(pkg, targets);
        }
        List<Set<String>> cycles = PackageDependencies.cycles(graph);
        StringBuilder message = new StringBuilder("package cycles between published packages:");
        for (Set<String> cycle : cycles) {
            message.append("\n  ").append(cycle).append(':');
            for (String pkg : cycle) {
                Set<String> into = new TreeSet<>(graph.get(pkg));
                into.retainAll(cycle);
                message.append("\n    ").append(pkg).append(" -> ").append(into);
            }
        }
        assertEquals(List.of(), cycles, message::toString);
    }

    @Test
    void findsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
                "d", Set.of());
        assertEquals(List.of(Set.of("a", "b", "c")), PackageDependencies.cycles(new TreeMap<>(graph)));
    }

    @Test
    void readsDependenciesFromClassFiles() {
        PublishedModules published = PublishedModules.load();
        Map<String, Set<String>> all = PackageDependencies.of(
                published.modules().stream().map(PublishedModules.Module::classes).toList());
        assertTrue(all.get("io.github.botconnector.teams").contains("io.github.botconnector"), all::toString);
    }
}

package io.github.botconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The compiled module descriptor exports only the public packages; internals stay hidden. */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() {
        ModuleReference ref = ModuleFinder.of(Path.of("target/classes")).find("io.github.botconnector")
                .orElseThrow(() -> new AssertionError("module io.github.botconnector not found in target/classes"));
        return ref.descriptor();
    }

    @Test
    void onlyPublicPackagesAreExportedToEveryone() {
        Set<String> unqualified = descriptor().exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertEquals(Set.of("io.github.botconnector", "io.github.botconnector.exception",
                "io.github.botconnector.schema", "io.github.botconnector.auth"), unqualified);
    }

    @Test
    void nothingIsExportedToChosenModulesOnly() {
        // No qualified exports: the Teams extension and the fake connector build on the public API like any user.
        assertEquals(Set.of(), descriptor().exports().stream()
                .filter(ModuleDescriptor.Exports::isQualified)
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()));
    }

    @Test
    void onlyTheModelsAreOpened() {
        // Jackson reflects on the models only; the internal mapper's serializers are instances, not reflected on.
        assertEquals(Set.of("io.github.botconnector.schema"),
                descriptor().opens().stream().map(ModuleDescriptor.Opens::source).collect(Collectors.toSet()));
    }

    @Test
    void modelsAreOpenToJacksonOnly() {
        ModuleDescriptor.Opens schema = descriptor().opens().stream()
                .filter(o -> o.source().equals("io.github.botconnector.schema"))
                .findFirst().orElseThrow();
        assertEquals(Set.of("com.fasterxml.jackson.databind"), schema.targets());
    }
}

package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports its API packages only and needs no JDBC driver. */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() {
        return ModuleFinder.of(Path.of("target/classes")).find("io.github.botconnector.broadcast")
                .orElseThrow(() -> new AssertionError("module not found in target/classes")).descriptor();
    }

    @Test
    void onlyTheApiPackagesAreExported() {
        assertEquals(Set.of("io.github.botconnector.broadcast", "io.github.botconnector.broadcast.store"),
                descriptor().exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(descriptor().exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    }

    @Test
    void requiresOnlyTheSdkItsJacksonSlf4jAndJavaSql() {
        Set<String> required = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("java.base", "java.sql", "org.slf4j", "io.github.botconnector",
                "io.github.botconnector.teams", "com.fasterxml.jackson.databind"), required);
    }
}

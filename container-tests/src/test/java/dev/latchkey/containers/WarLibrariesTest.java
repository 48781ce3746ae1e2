package dev.latchkey.containers;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What WildFly and Payara WARs carry in WEB-INF/lib (the first directory of {@code latchkey.war.lib}, the runtime
 * dependencies of auth-jakarta and auth-jaxrs): every library Latchkey loads at run time, and nothing of what those
 * servers provide (a second JAX-RS, CDI or Jakarta Security implementation would shadow theirs).
 */
class WarLibrariesTest {

    private static List<String> eeLibraries() {
        String dirs = Objects.requireNonNull(System.getProperty("latchkey.war.lib"), "latchkey.war.lib (set by the build)");
        String[] names = new File(dirs.split(File.pathSeparator)[0]).list((d, n) -> n.endsWith(".jar"));
        return Arrays.asList(Objects.requireNonNull(names, "no WAR libraries; run the build through Maven"));
    }

    @Test
    void whenWarBuiltThenLatchkeyAndItsRuntimeLibrariesAreInWebInfLib() {
        List<String> jars = eeLibraries();
        for (String prefix : List.of("auth-jakarta-", "auth-jaxrs-", "nimbus-jose-jwt-", "tink-", "caffeine-",
                "bucket4j", "HikariCP-")) {
            assertTrue(jars.stream().anyMatch(j -> j.startsWith(prefix)), prefix + " missing from " + jars);
        }
    }

    @Test
    void whenWarBuiltThenNothingTheServerProvidesIsInWebInfLib() {
        for (String jar : eeLibraries()) {
            assertTrue(!jar.startsWith("jersey-") && !jar.startsWith("resteasy") && !jar.startsWith("weld-")
                    && !jar.startsWith("jakarta.") && !jar.startsWith("microprofile-"), jar + " in WEB-INF/lib");
        }
    }
}

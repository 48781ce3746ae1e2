package dev.latchkey.test.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The JAX-RS application of a server started for resource classes (no application class of the test's own): those
 * classes, at the root path. Latchkey's providers register themselves (Jersey auto-discovery).
 */
@ApplicationPath("/")
public class TestApplication extends Application {

    private static volatile Set<Class<?>> classes = Set.of();

    /** The classes the next server serves. */
    public static void serve(Set<Class<?>> resources) {
        classes = Set.copyOf(resources);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return classes;
    }
}

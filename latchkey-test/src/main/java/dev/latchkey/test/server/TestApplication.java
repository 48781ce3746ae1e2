package dev.latchkey.test.server;

import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The JAX-RS application of a server started for resource classes (no application class of the test's own): those
 * classes, at the root path. Latchkey's providers register themselves (Jersey auto-discovery). No
 * {@code @ApplicationPath}: only the kit registers it (programmatically, {@code LatchkeyJetty} serves it at {@code /});
 * a servlet container never deploys it from a class path.
 */
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

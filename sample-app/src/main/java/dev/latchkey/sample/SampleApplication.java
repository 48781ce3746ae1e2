package dev.latchkey.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The sample API. Its resources are listed here because embedded Jetty scans no classes (a WAR would find them);
 * Latchkey's JAX-RS providers register themselves through Jersey auto-discovery.
 */
@ApplicationPath("/api")
public class SampleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(HealthResource.class, MeResource.class, OrdersResource.class);
    }
}

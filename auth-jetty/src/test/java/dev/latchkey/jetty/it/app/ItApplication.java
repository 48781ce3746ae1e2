package dev.latchkey.jetty.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The JAX-RS application the HTTP tests call. */
@ApplicationPath("/api")
public class ItApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OrdersResource.class, MeResource.class, UploadsResource.class);
    }
}

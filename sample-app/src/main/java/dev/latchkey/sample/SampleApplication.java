package dev.latchkey.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The sample API under {@code /api}, and the issuer's {@code /.well-known/jwks.json} beside it (so the application is
 * mapped at the root). Its resources are listed here because embedded Jetty scans no classes (a WAR would find them);
 * Latchkey's JAX-RS providers register themselves through Jersey auto-discovery.
 */
@ApplicationPath("/")
public class SampleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(HealthResource.class, MeResource.class, OrdersResource.class, JwksResource.class);
    }
}

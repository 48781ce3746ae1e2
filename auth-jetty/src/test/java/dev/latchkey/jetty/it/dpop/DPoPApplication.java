package dev.latchkey.jetty.it.dpop;

import dev.latchkey.jetty.it.app.OrdersResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** Orders (any token with the scope) and transfers (DPoP only). */
@ApplicationPath("/api")
public class DPoPApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OrdersResource.class, TransfersResource.class);
    }
}

package dev.latchkey.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/** Registers Latchkey's JAX-RS providers in every Jersey application that has auth-jaxrs on its class path. */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class LatchkeyAutoDiscoverable implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> provider : new Class<?>[]{LatchkeyAuthorizationFeature.class,
                InsufficientScopeExceptionMapper.class}) {
            if (!context.getConfiguration().isRegistered(provider)) {
                context.register(provider);
            }
        }
    }
}

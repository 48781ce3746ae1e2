package dev.latchkey.jetty.it.app.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** TEST FIXTURE: the README example's producer; enabled by {@code latchkey.mechanisms=session}. */
@ApplicationScoped
public class SessionProducers {
    @Produces @Singleton @Named("session")
    SessionKind kind() { return new SessionKind(); }
}

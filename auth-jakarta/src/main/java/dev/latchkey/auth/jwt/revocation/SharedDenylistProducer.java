package dev.latchkey.auth.jwt.revocation;

import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.state.StateStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import java.time.Clock;

/**
 * The {@link JtiDenylist} on {@code latchkey.state.store}: the in-memory one for memory, a
 * {@link SharedJtiDenylist} for a shared store. An alternative of library priority, so that it replaces the in-memory
 * bean, and an application's own {@code @Alternative @Priority(APPLICATION)} denylist still replaces it.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class SharedDenylistProducer {

    @Inject
    @LatchkeyClock
    Clock clock;

    @Produces
    @Singleton
    JtiDenylist denylist(StateStore store) {
        return SharedJtiDenylist.on(store, clock);
    }
}

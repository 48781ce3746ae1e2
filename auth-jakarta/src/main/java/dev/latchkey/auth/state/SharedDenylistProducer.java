package dev.latchkey.auth.state;

import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.jwt.revocation.InMemoryJtiDenylist;
import dev.latchkey.auth.jwt.revocation.JtiDenylist;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import java.time.Clock;

/**
 * The {@link JtiDenylist} on {@code latchkey.state.store}: {@link InMemoryJtiDenylist} for memory, a
 * {@link SharedJtiDenylist} for a shared store. An alternative of library priority, so that it replaces the in-memory
 * bean, and an application's own {@code @Alternative @Priority(APPLICATION)} denylist still replaces it.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class SharedDenylistProducer {

    /** Bound of the shared denylist's namespace where a bound applies (memory only). */
    static final long MAX_ENTRIES = 1_000_000;

    @Inject
    @LatchkeyClock
    Clock clock;

    @Produces
    @Singleton
    JtiDenylist denylist(StateStore store) {
        return store.kind().equals(StateSettings.MEMORY) ? new InMemoryJtiDenylist(clock)
                : new SharedJtiDenylist(store.values("jti", MAX_ENTRIES), clock);
    }
}

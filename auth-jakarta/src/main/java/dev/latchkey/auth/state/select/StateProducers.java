package dev.latchkey.auth.state.select;

import dev.latchkey.auth.state.ReplayCache;
import dev.latchkey.auth.state.ReplaySettings;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.StateStore;
import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * CDI producers of the shared state, built once from {@code latchkey.state.*}: the {@link StateStore} (closed with the
 * application) and the {@link ReplayCache}. The mechanism opens the store at start-up, so that bad settings or a
 * missing library fail deployment.
 */
@ApplicationScoped
public class StateProducers {

    @Inject
    @LatchkeyClock
    Clock clock;

    @Produces
    @Singleton
    StateSettings settings() {
        return StateSettings.from(ConfigReader.current());
    }

    @Produces
    @Singleton
    StateStore store(StateSettings settings) {
        return StateStores.open(settings, clock);
    }

    void close(@Disposes StateStore store) {
        store.close();
    }

    @Produces
    @Singleton
    ReplayCache replayCache(StateStore store) {
        return StateStores.replayCache(store, ReplaySettings.from(ConfigReader.current()), clock);
    }
}

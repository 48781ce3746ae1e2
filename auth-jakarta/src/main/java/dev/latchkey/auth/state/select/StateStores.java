package dev.latchkey.auth.state.select;

import dev.latchkey.auth.state.MemoryReplayCache;
import dev.latchkey.auth.state.MemoryStateStore;
import dev.latchkey.auth.state.ReplayCache;
import dev.latchkey.auth.state.ReplaySettings;
import dev.latchkey.auth.state.SharedReplayCache;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.StateStore;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.state.jdbc.JdbcStateStore;
import dev.latchkey.auth.state.redis.RedisStateStore;

import java.time.Clock;

/** Opens the {@link StateStore} that {@code latchkey.state.store} names. */
public final class StateStores {

    private StateStores() {
    }

    /**
     * @throws ConfigurationException naming {@code latchkey.state.store} when the backend's libraries are missing, or
     *                                naming the backend's property when it cannot be opened
     */
    public static StateStore open(StateSettings settings, Clock clock) {
        try {
            return switch (settings.store()) {
                case StateSettings.JDBC -> JdbcStateStore.open(settings, clock);
                case StateSettings.REDIS -> RedisStateStore.open(settings, clock);
                default -> new MemoryStateStore(clock);
            };
        } catch (NoClassDefFoundError e) {
            throw new ConfigurationException(StateSettings.STORE, settings.store() + " needs "
                    + (settings.store().equals(StateSettings.JDBC)
                    ? "org.postgresql:postgresql"
                    : "io.lettuce:lettuce-core and com.bucket4j:bucket4j_jdk17-lettuce")
                    + " in the application; missing: " + e.getMessage(), e);
        }
    }

    /** The replay cache on {@code store}: in memory, or one shared by every instance. */
    public static ReplayCache replayCache(StateStore store, ReplaySettings settings, Clock clock) {
        return store.kind().equals(StateSettings.MEMORY) ? new MemoryReplayCache(settings, clock)
                : new SharedReplayCache(store.values("replay", settings.totalEntries()), clock);
    }
}

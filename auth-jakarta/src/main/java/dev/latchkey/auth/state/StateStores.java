package dev.latchkey.auth.state;

import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.revocation.InMemoryJtiDenylist;
import dev.latchkey.auth.jwt.revocation.JtiDenylist;
import dev.latchkey.auth.state.jdbc.JdbcStateStore;
import dev.latchkey.auth.state.redis.RedisStateStore;

import java.time.Clock;

/** Opens the {@link StateStore} that {@code latchkey.state.store} names. */
public final class StateStores {

    /** Bound of the in-memory denylist. */
    static final long DENYLIST_MAX_ENTRIES = 1_000_000;

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

    /**
     * The {@code jti} denylist on {@code store}: in memory, or the one every instance shares. The Java API of
     * revocation: {@code StateStores.denylist(StateStores.open(StateSettings.from(config), clock), clock)
     * .revoke(issuer, jti, exp)} from a tool revokes for every instance on the same store.
     */
    public static JtiDenylist denylist(StateStore store, Clock clock) {
        return store.kind().equals(StateSettings.MEMORY) ? InMemoryJtiDenylist.of(clock)
                : new SharedJtiDenylist(store.values(SharedJtiDenylist.NAMESPACE, DENYLIST_MAX_ENTRIES), clock);
    }

    /** The replay cache on {@code store}: in memory, or one shared by every instance. */
    public static ReplayCache replayCache(StateStore store, long maxEntries, Clock clock) {
        return store.kind().equals(StateSettings.MEMORY) ? new MemoryReplayCache(maxEntries, clock)
                : new SharedReplayCache(store.values("replay", maxEntries), clock);
    }
}

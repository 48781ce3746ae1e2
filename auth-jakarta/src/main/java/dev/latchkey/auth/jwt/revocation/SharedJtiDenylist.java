package dev.latchkey.auth.jwt.revocation;

import dev.latchkey.auth.state.SharedValues;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@link JtiDenylist} of a shared store: a token revoked through one instance is refused by all. An entry lives
 * until the token's {@code exp} plus ten minutes (the largest clock skew allowed), after which the token is refused as
 * expired anyway (RFC 7519 §4.1.4). Each check is one read; a store failure is a 503, never "not revoked".
 */
public final class SharedJtiDenylist implements JtiDenylist {

    /** The namespace of revoked token ids in the store. */
    public static final String NAMESPACE = "jti";
    private static final Duration SKEW_MARGIN = Duration.ofMinutes(10);
    /** Bound of the in-memory denylist. */
    static final long MAX_ENTRIES = 1_000_000;

    private final SharedValues revoked;
    private final Clock clock;

    /**
     * The {@code jti} denylist on {@code store}: in memory, or the one every instance shares. The Java API of
     * revocation: {@code SharedJtiDenylist.on(StateStores.open(StateSettings.from(config), clock), clock)
     * .revoke(issuer, jti, exp)} from a tool revokes for every instance on the same store.
     */
    public static JtiDenylist on(StateStore store, Clock clock) {
        return store.kind().equals(StateSettings.MEMORY) ? InMemoryJtiDenylist.of(clock)
                : new SharedJtiDenylist(store.values(NAMESPACE, MAX_ENTRIES), clock);
    }

    public SharedJtiDenylist(SharedValues revoked, Clock clock) {
        this.revoked = revoked;
        this.clock = clock;
    }

    @Override
    public boolean isRevoked(String issuer, String jti) {
        return revoked.get(key(issuer, jti)).isPresent();
    }

    @Override
    public void revoke(String issuer, String jti, Instant expiresAt) {
        Instant until = expiresAt.plus(SKEW_MARGIN);
        if (until.isAfter(clock.instant())) {
            // Already revoked: the first revocation stands (a token's exp does not change).
            revoked.compareAndSet(key(issuer, jti), Optional.empty(), Optional.of(expiresAt.toString()), until);
        }
    }

    /** RFC 7519 §4.1.7: a {@code jti} is unique per issuer. */
    private static String key(String issuer, String jti) {
        return issuer.length() + ":" + issuer + jti;
    }
}

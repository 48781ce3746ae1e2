package dev.latchkey.auth.jwt.revocation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.latchkey.auth.clock.ClockTicker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The default {@link JtiDenylist}: a bounded Caffeine cache in this JVM whose entries expire with the token's
 * {@code exp} plus ten minutes, the largest clock skew allowed. Not shared between instances of a cluster. Produced by
 * {@code JwtProducers} on the {@code LatchkeyClock}; an application replaces it with an enabled {@code @Alternative}
 * {@link JtiDenylist} bean.
 */
public class InMemoryJtiDenylist implements JtiDenylist {

    static final long MAX_ENTRIES = 1_000_000;
    private static final Duration SKEW_MARGIN = Duration.ofMinutes(10);

    private final Clock clock;
    private final Cache<String, Instant> revoked;

    /** On {@code clock}, for expiry too: a test clock moves both. */
    public static InMemoryJtiDenylist of(Clock clock) {
        return new InMemoryJtiDenylist(clock, ClockTicker.of(clock));
    }

    public InMemoryJtiDenylist(Clock clock, Ticker ticker) {
        this.clock = clock;
        this.revoked = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Instant>creating((key, expiresAt) ->
                        Duration.between(clock.instant(), expiresAt.plus(SKEW_MARGIN))))
                .build();
    }

    @Override
    public boolean isRevoked(String issuer, String jti) {
        return revoked.getIfPresent(key(issuer, jti)) != null;
    }

    @Override
    public void revoke(String issuer, String jti, Instant expiresAt) {
        if (expiresAt.plus(SKEW_MARGIN).isAfter(clock.instant())) {
            revoked.put(key(issuer, jti), expiresAt);
        }
    }

    private static String key(String issuer, String jti) {
        return issuer.length() + ":" + issuer + jti;
    }
}

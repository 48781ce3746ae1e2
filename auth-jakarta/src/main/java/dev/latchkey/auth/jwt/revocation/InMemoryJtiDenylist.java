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
 * The default {@link JtiDenylist}: a Caffeine cache in this JVM whose entries expire with the token's {@code exp} plus
 * ten minutes, the largest clock skew allowed. Not shared between instances of a cluster. It never evicts a live
 * revocation (an evicted one would be accepted again): when {@value #MAX_ENTRIES} are live, revoking another fails
 * loudly ({@link IllegalStateException} naming the limit, logged as an ERROR) until some expire. Produced by
 * {@code JwtProducers} on the {@code LatchkeyClock}; an application replaces it with an enabled {@code @Alternative}
 * {@link JtiDenylist} bean.
 */
public class InMemoryJtiDenylist implements JtiDenylist {

    static final long MAX_ENTRIES = 1_000_000;
    private static final Duration SKEW_MARGIN = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(InMemoryJtiDenylist.class.getName());

    private final Clock clock;
    private final long maxEntries;
    private final Cache<String, Instant> revoked;
    /** Whether anything was ever revoked here; never reset. */
    private volatile boolean anyRevoked;

    /** On {@code clock}, for expiry too: a test clock moves both. */
    public static InMemoryJtiDenylist of(Clock clock) {
        return new InMemoryJtiDenylist(clock, ClockTicker.of(clock), MAX_ENTRIES);
    }

    /** @param maxEntries live revocations held at most; beyond them {@link #revoke} fails */
    public InMemoryJtiDenylist(Clock clock, Ticker ticker, long maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.revoked = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(Expiry.<String, Instant>creating((key, expiresAt) ->
                        Duration.between(clock.instant(), expiresAt.plus(SKEW_MARGIN))))
                .build();
    }

    @Override
    public boolean isRevoked(String issuer, String jti) {
        // Nothing ever revoked (the usual case): no key built per request. Set before the first entry is stored.
        return anyRevoked && revoked.getIfPresent(key(issuer, jti)) != null;
    }

    /** @throws IllegalStateException naming the limit when {@code maxEntries} revocations are live */
    @Override
    public void revoke(String issuer, String jti, Instant expiresAt) {
        if (!expiresAt.plus(SKEW_MARGIN).isAfter(clock.instant())) {
            return;
        }
        String key = key(issuer, jti);
        if (revoked.getIfPresent(key) == null && revoked.estimatedSize() >= maxEntries) {
            revoked.cleanUp(); // drop the expired ones before deciding
            if (revoked.estimatedSize() >= maxEntries) {
                String message = "jti denylist full: " + maxEntries + " live revocations held in memory; the token is"
                        + " NOT revoked. Wait for revoked tokens to expire or use a shared store (latchkey.state.store)";
                LOG.log(System.Logger.Level.ERROR, message);
                throw new IllegalStateException(message);
            }
        }
        anyRevoked = true; // before the entry: a reader that sees the entry has seen this
        revoked.put(key, expiresAt);
    }

    private static String key(String issuer, String jti) {
        return issuer.length() + ":" + issuer + jti;
    }
}

package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Honours the {@code Cache-Control} freshness lifetime of a remote key set (RFC 9111 §5.2.2.1), on top of Nimbus's
 * {@link CachingJWKSetSource}, whose lifetime is fixed. Nimbus's cache is built with the longest allowed lifetime
 * ({@code latchkey.jwt.jwks.max-cache-ttl}); this layer asks it to refresh once the lifetime of the last fetch has
 * passed: {@code max-age}, or {@code cache-ttl} when the response gave none, bounded by {@code min-cache-ttl} (also
 * for {@code no-store}/{@code no-cache}) and {@code max-cache-ttl}.
 *
 * <p>The refresh goes through the whole Nimbus chain, so the refetch rate limit, retry and outage tolerance still
 * apply. One thread refreshes while the others keep using the cached set (stale-while-revalidate); the refresh uses a
 * reference comparison, so a set that another path refreshed meanwhile is not fetched again. A failed refresh keeps
 * the cached set and backs off for the refetch interval, unless {@code latchkey.jwt.jwks.outage-tolerance} is zero:
 * then keys are not used past their lifetime, and every request gets the failure (a 503) until a refetch, paced by
 * the refetch rate limit, succeeds.
 */
final class CacheControlledJWKSetSource implements JWKSetSource<SecurityContext> {

    private static final System.Logger LOG = System.getLogger(CacheControlledJWKSetSource.class.getName());

    /** When the last fetched key set stops being fresh; written by {@link RemoteKeySetSource} after each fetch. */
    static final class Freshness {

        private final Clock clock;
        private final Duration min;
        private final Duration byDefault;
        private final Duration max;
        private volatile Instant freshUntil = Instant.MAX;

        Freshness(Clock clock, Duration min, Duration byDefault, Duration max) {
            this.clock = clock;
            this.min = min;
            this.byDefault = byDefault;
            this.max = max;
        }

        void fetched(Optional<Duration> maxAge) {
            freshUntil = clock.instant().plus(lifetime(maxAge));
        }

        Duration lifetime(Optional<Duration> maxAge) {
            Duration ttl = maxAge.orElse(byDefault);
            return ttl.compareTo(min) < 0 ? min : ttl.compareTo(max) > 0 ? max : ttl;
        }

        boolean stale() {
            return !clock.instant().isBefore(freshUntil);
        }

        void backOff(Duration interval) {
            freshUntil = clock.instant().plus(interval);
        }
    }

    private final JWKSetSource<SecurityContext> cached;
    private final Freshness freshness;
    private final Duration backOff;
    private final String issuerName;
    private final boolean serveStale;
    private final ReentrantLock refreshing = new ReentrantLock();

    /** @param serveStale whether a failed refresh keeps the expired set in use (outage tolerance above zero) */
    CacheControlledJWKSetSource(JWKSetSource<SecurityContext> cached, Freshness freshness, Duration backOff,
                                String issuerName, boolean serveStale) {
        this.serveStale = serveStale;
        this.cached = cached;
        this.freshness = freshness;
        this.backOff = backOff;
        this.issuerName = issuerName;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        JWKSet set = cached.getJWKSet(refreshEvaluator, currentTime, context);
        if (!freshness.stale() || !refreshing.tryLock()) {
            return set;
        }
        try {
            if (!freshness.stale()) {
                return set;
            }
            JWKSet refreshed = cached.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(set),
                    currentTime, context);
            if (freshness.stale()) {
                freshness.backOff(backOff); // served by the outage cache: the fetch failed
            }
            return refreshed;
        } catch (KeySourceException e) {
            if (!serveStale) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "refreshing the keys of issuer {0} failed ({1}); the cached keys"
                    + " stay in use", issuerName, e.getMessage());
            freshness.backOff(backOff);
            return set;
        } finally {
            refreshing.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        cached.close();
    }
}

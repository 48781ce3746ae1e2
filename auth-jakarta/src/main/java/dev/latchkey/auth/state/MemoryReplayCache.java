package dev.latchkey.auth.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.latchkey.auth.clock.ClockTicker;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The single-instance {@link ReplayCache}: per namespace ({@link ReplaySettings}) a Caffeine cache in which each entry
 * lives until its own {@code expiresAt}. It never evicts a live identifier early (an evicted identifier could be
 * replayed):
 * <ul>
 *   <li>when a namespace holds {@code max-entries} live identifiers, a new one is refused with 503
 *   {@code temporarily_unavailable} until some expire;</li>
 *   <li>when one client (DPoP key thumbprint, signature key id) holds {@code max-per-client} of them, that client's
 *   next one is refused with 429 and {@code Retry-After} (until its new entry's window would have ended), other clients
 *   are unaffected;</li>
 *   <li>a WARNING is logged once when a namespace is 80% full.</li>
 * </ul>
 */
public final class MemoryReplayCache implements ReplayCache {

    private static final System.Logger LOG = System.getLogger(MemoryReplayCache.class.getName());

    private final ReplaySettings settings;
    private final Clock clock;
    private final Map<String, Space> spaces = new ConcurrentHashMap<>();

    public MemoryReplayCache(ReplaySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** An identifier no client quota applies to. */
    @Override
    public boolean firstUse(String namespace, String id, Instant expiresAt) {
        return firstUse(namespace, null, id, expiresAt);
    }

    /**
     * @throws AuthenticationFailure 503 when the namespace is full, 429 when {@code client} holds its quota
     */
    @Override
    public boolean firstUse(String namespace, String client, String id, Instant expiresAt) {
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            return true; // already expired: the caller's window check refuses it; nothing to remember
        }
        return spaces.computeIfAbsent(namespace, n -> new Space(n, settings.limit(n)))
                .firstUse(client, id, expiresAt, now);
    }

    private final class Space {

        private final String namespace;
        private final ReplaySettings.Limit limit;
        private final Cache<String, Entry> seen;
        private final Map<String, Long> perClient = new ConcurrentHashMap<>();
        private final AtomicBoolean warned = new AtomicBoolean();

        Space(String namespace, ReplaySettings.Limit limit) {
            this.namespace = namespace;
            this.limit = limit;
            this.seen = Caffeine.newBuilder().ticker(ClockTicker.of(clock))
                    .expireAfter(Expiry.<String, Entry>creating((key, entry) -> remaining(entry.expiresAt())))
                    .removalListener((String key, Entry entry, RemovalCause cause)
                            -> release(entry == null ? null : entry.client()))
                    .executor(Runnable::run).build();
        }

        boolean firstUse(String client, String id, Instant expiresAt, Instant now) {
            if (seen.getIfPresent(id) != null) {
                return false; // a replay is a replay, full or not
            }
            if (seen.estimatedSize() >= limit.maxEntries()) {
                seen.cleanUp(); // drop the expired ones before deciding
                if (seen.estimatedSize() >= limit.maxEntries()) {
                    throw new AuthenticationFailure(AuthError.unavailable("too many single-use identifiers in flight",
                            "replay_cache_full"));
                }
            }
            if (client != null && !take(client)) {
                seen.cleanUp();
                if (!take(client)) {
                    throw new AuthenticationFailure(AuthError.tooManyRequests(
                            "too many single-use identifiers in flight for this key",
                            (Duration.between(now, expiresAt).toMillis() + 999) / 1000, "replay_client_quota"));
                }
            }
            boolean first = seen.asMap().putIfAbsent(id, new Entry(client, expiresAt)) == null;
            if (!first) {
                release(client); // lost a race with the same identifier
            }
            warnIfNearlyFull();
            return first;
        }

        private boolean take(String client) {
            boolean[] taken = {false};
            perClient.compute(client, (c, held) -> {
                long n = held == null ? 0 : held;
                if (n >= limit.maxPerClient()) {
                    return held;
                }
                taken[0] = true;
                return n + 1;
            });
            return taken[0];
        }

        private void release(String client) {
            if (client != null) {
                perClient.computeIfPresent(client, (c, held) -> held <= 1 ? null : held - 1);
            }
        }

        private void warnIfNearlyFull() {
            if (seen.estimatedSize() * 5 >= limit.maxEntries() * 4 && warned.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "replay cache ''{0}'' is 80% full ({1} of {2} live single-use"
                        + " identifiers): at {2} new ones are refused with 503; raise {3}{0}.max-entries (about 173"
                        + " bytes each) if this is legitimate load", namespace, seen.estimatedSize(),
                        limit.maxEntries(), ReplaySettings.PREFIX);
            }
        }
    }

    private record Entry(String client, Instant expiresAt) {
    }

    private Duration remaining(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}

package dev.latchkey.auth.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.latchkey.auth.clock.ClockTicker;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The single-instance {@link ReplayCache}: a Caffeine cache in which each entry lives until its own
 * {@code expiresAt}. It holds at most about {@code maxEntries} live identifiers and never evicts one early (an evicted
 * identifier could be replayed): when that many are live, a new one is refused with 503 {@code temporarily_unavailable}
 * until some expire. Size the bound above the identifiers one instance accepts within the longest acceptance window.
 */
public final class MemoryReplayCache implements ReplayCache {

    private final Cache<String, Instant> seen;
    private final Clock clock;
    private final long maxEntries;

    public MemoryReplayCache(long maxEntries, Clock clock) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.seen = Caffeine.newBuilder().ticker(ClockTicker.of(clock))
                .expireAfter(Expiry.<String, Instant>creating((key, expiresAt) -> remaining(expiresAt)))
                .executor(Runnable::run).build();
    }

    /** @throws AuthenticationFailure 503 when {@code maxEntries} identifiers are live */
    @Override
    public boolean firstUse(String namespace, String id, Instant expiresAt) {
        if (!expiresAt.isAfter(clock.instant())) {
            return true; // already expired: the caller's window check refuses it; nothing to remember
        }
        String key = namespace + '\u0000' + id;
        if (seen.getIfPresent(key) != null) {
            return false; // a replay is a replay, full or not
        }
        if (seen.estimatedSize() >= maxEntries) {
            seen.cleanUp(); // drop the expired ones before deciding
            if (seen.estimatedSize() >= maxEntries) {
                throw new AuthenticationFailure(AuthError.unavailable("too many single-use identifiers in flight",
                        "replay_cache_full"));
            }
        }
        return seen.asMap().putIfAbsent(key, expiresAt) == null;
    }

    private Duration remaining(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}

package dev.latchkey.auth.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.latchkey.auth.clock.ClockTicker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The single-instance {@link ReplayCache}: a bounded Caffeine cache in which each entry lives until its own
 * {@code expiresAt}. When more live identifiers arrive than {@code maxEntries}, the oldest are evicted early; size
 * the bound above the identifiers one instance accepts within the longest acceptance window.
 */
public final class MemoryReplayCache implements ReplayCache {

    private final Cache<String, Instant> seen;
    private final Clock clock;

    public MemoryReplayCache(long maxEntries, Clock clock) {
        this.clock = clock;
        this.seen = Caffeine.newBuilder().maximumSize(maxEntries).ticker(ClockTicker.of(clock))
                .expireAfter(Expiry.<String, Instant>creating((key, expiresAt) -> remaining(expiresAt)))
                .executor(Runnable::run).build();
    }

    @Override
    public boolean firstUse(String namespace, String id, Instant expiresAt) {
        if (!expiresAt.isAfter(clock.instant())) {
            return true; // already expired: the caller's window check refuses it; nothing to remember
        }
        return seen.asMap().putIfAbsent(namespace + '\u0000' + id, expiresAt) == null;
    }

    private Duration remaining(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}

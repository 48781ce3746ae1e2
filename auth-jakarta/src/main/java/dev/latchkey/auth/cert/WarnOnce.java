package dev.latchkey.auth.cert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * Lets a warning through at most once per key and interval, so that a condition met by every request (a stale CRL,
 * forwarded headers from an untrusted address) is logged once per interval, not once per request. Bounded: a spray
 * of keys cannot grow memory (a key evicted early is warned about again, which is harmless).
 */
final class WarnOnce {

    /** The interval of every throttled warning in this package. */
    static final int INTERVAL_MINUTES = 10;

    private final Cache<String, Boolean> warned = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(INTERVAL_MINUTES)).build();

    /** True for the first call with {@code key} in the interval, false for the others. */
    boolean first(String key) {
        return warned.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}

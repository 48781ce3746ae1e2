package dev.latchkey.auth.jwt.config;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.time.Duration;

/**
 * How remote JWKS endpoints are fetched and cached ({@code latchkey.jwt.jwks.*}), mapped onto Nimbus's
 * {@code JWKSourceBuilder}.
 *
 * <p>A fetched key set is fresh for its {@code Cache-Control: max-age} (RFC 9111 §5.2.2.1), or {@link #cacheTtl()}
 * when the response gives none, bounded by {@link #minCacheTtl()} (also for {@code no-store}/{@code no-cache}) and
 * {@link #maxCacheTtl()}.
 *
 * @param cacheTtl           lifetime of a fetched key set whose response has no {@code max-age} (default 5 min)
 * @param refreshTimeout     how long a caller waits for another thread's in-flight refresh (default 15 s)
 * @param refreshAhead       how long before expiry the set is refreshed in the background (default 30 s)
 * @param minRefetchInterval least time between two fetches, caps refetches caused by unknown {@code kid}s (30 s);
 *                           shorter than {@code cacheTtl}
 * @param retry              retry a failed fetch once (default true)
 * @param outageTolerance    how long the last good key set keeps serving while the endpoint is down (default 1 h)
 * @param connectTimeout     HTTP connect timeout (default 2 s)
 * @param readTimeout        HTTP read timeout (default 2 s)
 * @param sizeLimitBytes     largest accepted JWKS document (default 51200)
 * @param minCacheTtl        shortest lifetime, whatever {@code Cache-Control} says (default: min-refetch-interval);
 *                           at least min-refetch-interval, at most cache-ttl
 * @param maxCacheTtl        longest lifetime, whatever {@code Cache-Control} says (default: the larger of 1 h and
 *                           cache-ttl); at least cache-ttl
 */
public record JwksSettings(Duration cacheTtl, Duration refreshTimeout, Duration refreshAhead,
                           Duration minRefetchInterval, boolean retry, Duration outageTolerance,
                           Duration connectTimeout, Duration readTimeout, int sizeLimitBytes,
                           Duration minCacheTtl, Duration maxCacheTtl) {

    public static final String PREFIX = "latchkey.jwt.jwks.";

    public JwksSettings {
        positive("cache-ttl", cacheTtl, Long.MAX_VALUE);
        positive("refresh-timeout", refreshTimeout, Long.MAX_VALUE);
        positive("min-refetch-interval", minRefetchInterval, Long.MAX_VALUE);
        positive("connect-timeout", connectTimeout, Integer.MAX_VALUE);
        positive("read-timeout", readTimeout, Integer.MAX_VALUE);
        if (minRefetchInterval.compareTo(cacheTtl) >= 0) {
            throw new ConfigurationException(PREFIX + "min-refetch-interval", "must be shorter than cache-ttl");
        }
        if (refreshAhead == null || refreshAhead.isNegative() || refreshAhead.plus(refreshTimeout).compareTo(cacheTtl) >= 0) {
            throw new ConfigurationException(PREFIX + "refresh-ahead", "must be >= 0 and refresh-ahead + refresh-timeout"
                    + " must be shorter than cache-ttl");
        }
        if (outageTolerance == null || outageTolerance.isNegative()) {
            throw new ConfigurationException(PREFIX + "outage-tolerance", "must not be negative");
        }
        positive("min-cache-ttl", minCacheTtl, Long.MAX_VALUE);
        positive("max-cache-ttl", maxCacheTtl, Long.MAX_VALUE);
        if (minCacheTtl.compareTo(minRefetchInterval) < 0 || minCacheTtl.compareTo(cacheTtl) > 0) {
            throw new ConfigurationException(PREFIX + "min-cache-ttl", "must be between min-refetch-interval and"
                    + " cache-ttl");
        }
        if (maxCacheTtl.compareTo(cacheTtl) < 0) {
            throw new ConfigurationException(PREFIX + "max-cache-ttl", "must not be shorter than cache-ttl");
        }
        if (sizeLimitBytes < 1024) {
            throw new ConfigurationException(PREFIX + "size-limit", "must be at least 1024 bytes");
        }
    }

    /** Nimbus takes milliseconds (timeouts as an {@code int}); 0 ms would mean "no timeout" or "no cache". */
    private static void positive(String name, Duration d, long maxMillis) {
        long millis;
        try {
            millis = d == null ? 0 : d.toMillis();
        } catch (ArithmeticException e) {
            millis = Long.MAX_VALUE;
        }
        if (millis < 1 || millis > maxMillis) {
            throw new ConfigurationException(PREFIX + name, maxMillis == Long.MAX_VALUE
                    ? "must be a duration of at least 1 ms"
                    : "must be a duration between 1 ms and " + maxMillis + " ms");
        }
    }

    public static JwksSettings defaults() {
        return new JwksSettings(Duration.ofMinutes(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofSeconds(30), true, Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(2), 51_200,
                Duration.ofSeconds(30), Duration.ofHours(1));
    }

    public static JwksSettings from(ConfigReader config) {
        JwksSettings d = defaults();
        Duration cacheTtl = config.duration(PREFIX + "cache-ttl", d.cacheTtl());
        Duration minRefetch = config.duration(PREFIX + "min-refetch-interval", d.minRefetchInterval());
        Duration longest = cacheTtl != null && cacheTtl.compareTo(d.maxCacheTtl()) > 0 ? cacheTtl : d.maxCacheTtl();
        return new JwksSettings(
                cacheTtl,
                config.duration(PREFIX + "refresh-timeout", d.refreshTimeout()),
                config.duration(PREFIX + "refresh-ahead", d.refreshAhead()),
                minRefetch,
                config.bool(PREFIX + "retry", d.retry()),
                config.duration(PREFIX + "outage-tolerance", d.outageTolerance()),
                config.duration(PREFIX + "connect-timeout", d.connectTimeout()),
                config.duration(PREFIX + "read-timeout", d.readTimeout()),
                config.integer(PREFIX + "size-limit", d.sizeLimitBytes()),
                config.duration(PREFIX + "min-cache-ttl", minRefetch),
                config.duration(PREFIX + "max-cache-ttl", longest));
    }
}

package dev.latchkey.auth.jwt.config;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.time.Duration;

/**
 * How remote JWKS endpoints are fetched and cached ({@code latchkey.jwt.jwks.*}), mapped onto Nimbus's
 * {@code JWKSourceBuilder}.
 *
 * <p>Nimbus's resource retriever does not expose response headers, so {@code Cache-Control: max-age} cannot be
 * honoured; the cache lifetime is {@link #cacheTtl()}.
 *
 * @param cacheTtl           how long a fetched key set is used before it is refreshed (default 5 min)
 * @param refreshTimeout     how long a caller waits for another thread's in-flight refresh (default 15 s)
 * @param refreshAhead       how long before expiry the set is refreshed in the background (default 30 s)
 * @param minRefetchInterval least time between two fetches, caps refetches caused by unknown {@code kid}s (30 s)
 * @param retry              retry a failed fetch once (default true)
 * @param outageTolerance    how long the last good key set keeps serving while the endpoint is down (default 1 h)
 * @param connectTimeout     HTTP connect timeout (default 2 s)
 * @param readTimeout        HTTP read timeout (default 2 s)
 * @param sizeLimitBytes     largest accepted JWKS document (default 51200)
 */
public record JwksSettings(Duration cacheTtl, Duration refreshTimeout, Duration refreshAhead,
                           Duration minRefetchInterval, boolean retry, Duration outageTolerance,
                           Duration connectTimeout, Duration readTimeout, int sizeLimitBytes) {

    public static final String PREFIX = "latchkey.jwt.jwks.";

    public JwksSettings {
        positive("cache-ttl", cacheTtl);
        positive("refresh-timeout", refreshTimeout);
        positive("min-refetch-interval", minRefetchInterval);
        positive("connect-timeout", connectTimeout);
        positive("read-timeout", readTimeout);
        if (refreshAhead == null || refreshAhead.isNegative() || refreshAhead.plus(refreshTimeout).compareTo(cacheTtl) >= 0) {
            throw new ConfigurationException(PREFIX + "refresh-ahead", "must be >= 0 and refresh-ahead + refresh-timeout"
                    + " must be shorter than cache-ttl");
        }
        if (outageTolerance == null || outageTolerance.isNegative()) {
            throw new ConfigurationException(PREFIX + "outage-tolerance", "must not be negative");
        }
        if (sizeLimitBytes < 1024) {
            throw new ConfigurationException(PREFIX + "size-limit", "must be at least 1024 bytes");
        }
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new ConfigurationException(PREFIX + name, "must be a positive duration");
        }
    }

    public static JwksSettings defaults() {
        return new JwksSettings(Duration.ofMinutes(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofSeconds(30), true, Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(2), 51_200);
    }

    public static JwksSettings from(ConfigReader config) {
        JwksSettings d = defaults();
        return new JwksSettings(
                config.duration(PREFIX + "cache-ttl", d.cacheTtl()),
                config.duration(PREFIX + "refresh-timeout", d.refreshTimeout()),
                config.duration(PREFIX + "refresh-ahead", d.refreshAhead()),
                config.duration(PREFIX + "min-refetch-interval", d.minRefetchInterval()),
                config.bool(PREFIX + "retry", d.retry()),
                config.duration(PREFIX + "outage-tolerance", d.outageTolerance()),
                config.duration(PREFIX + "connect-timeout", d.connectTimeout()),
                config.duration(PREFIX + "read-timeout", d.readTimeout()),
                config.integer(PREFIX + "size-limit", d.sizeLimitBytes()));
    }
}

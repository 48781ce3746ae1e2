package dev.latchkey.auth.limit;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.time.Duration;

/**
 * Settings of {@link FailedAttemptLimiter}: how many failed credential attempts (of every kind) one client network may
 * make.
 *
 * @param limit      {@code latchkey.failed-attempts.limit} (default 50) failed attempts per window, the bucket's
 *                   capacity, and {@code latchkey.failed-attempts.window} (default {@code PT1M}) over which that many
 *                   are refilled (greedily, one every window/limit)
 * @param maxTracked {@code latchkey.failed-attempts.max-tracked} (default 100000): bound of the per-network counters
 */
public record FailedAttemptSettings(RateLimit limit, long maxTracked) {

    public static final String LIMIT = "latchkey.failed-attempts.limit";
    public static final String WINDOW = "latchkey.failed-attempts.window";
    public static final String MAX_TRACKED = "latchkey.failed-attempts.max-tracked";

    public static final FailedAttemptSettings DEFAULTS =
            new FailedAttemptSettings(new RateLimit(50, Duration.ofMinutes(1)), 100_000);

    public FailedAttemptSettings {
        if (limit == null) {
            throw new ConfigurationException(LIMIT, "must be set");
        }
        if (maxTracked < 1) {
            throw new ConfigurationException(MAX_TRACKED, "must be positive, got " + maxTracked);
        }
    }

    /** @throws ConfigurationException naming the property for a limit below 1 or a window that is not positive */
    public static FailedAttemptSettings from(ConfigReader config) {
        long limit = config.longValue(LIMIT, DEFAULTS.limit().capacity());
        if (limit < 1) {
            throw new ConfigurationException(LIMIT, "must be at least 1, got " + limit);
        }
        Duration window = config.duration(WINDOW, DEFAULTS.limit().period());
        if (window.isNegative() || window.isZero()) {
            throw new ConfigurationException(WINDOW, "must be a positive duration, got " + window);
        }
        return new FailedAttemptSettings(new RateLimit(limit, window),
                config.longValue(MAX_TRACKED, DEFAULTS.maxTracked()));
    }
}

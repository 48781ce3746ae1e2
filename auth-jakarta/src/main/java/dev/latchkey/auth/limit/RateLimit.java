package dev.latchkey.auth.limit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A request quota: {@code capacity} requests per {@code period}, written {@code 100/PT1M} (an ISO-8601 duration after
 * the slash).
 */
public record RateLimit(long capacity, Duration period) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (capacity < 1) {
            throw new IllegalArgumentException("rate limit capacity must be at least 1");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate limit period must be positive");
        }
    }

    /** Parses {@code 100/PT1M}. @throws IllegalArgumentException when malformed */
    public static RateLimit parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("expected <requests>/<ISO-8601 duration>, e.g. 100/PT1M");
        }
        try {
            return new RateLimit(Long.parseLong(text.substring(0, slash).trim()),
                    Duration.parse(text.substring(slash + 1).trim()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("expected <requests>/<ISO-8601 duration>, e.g. 100/PT1M", e);
        }
    }

    @Override
    public String toString() {
        return capacity + "/" + period;
    }
}

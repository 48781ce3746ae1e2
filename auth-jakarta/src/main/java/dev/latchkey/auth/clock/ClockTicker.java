package dev.latchkey.auth.clock;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Instant;

/**
 * Caffeine's time source for a {@link Clock}: the monotonic system ticker for a system clock (so that a wall-clock
 * step never expires or revives entries), otherwise the clock's instant, so that tests control expiry with a clock
 * they move.
 */
public final class ClockTicker {

    private ClockTicker() {
    }

    /** The system ticker for the system clock; otherwise the clock's instant in nanoseconds. */
    public static Ticker of(Clock clock) {
        if (isSystem(clock)) {
            return Ticker.systemTicker();
        }
        return () -> nanos(clock);
    }

    /** Whether the clock is the system clock, in any zone. */
    public static boolean isSystem(Clock clock) {
        return clock.equals(Clock.system(clock.getZone()));
    }

    /** The clock's instant in nanoseconds since the epoch. */
    public static long nanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

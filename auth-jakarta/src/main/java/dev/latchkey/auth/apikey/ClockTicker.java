package dev.latchkey.auth.apikey;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Instant;

/** Caffeine's time source driven by a {@link Clock}, so that tests control expiry with a clock they move. */
public final class ClockTicker {

    private ClockTicker() {
    }

    /** The system ticker for the system clock; otherwise the clock's instant in nanoseconds. */
    public static Ticker of(Clock clock) {
        if (clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone())) {
            return Ticker.systemTicker();
        }
        return () -> nanos(clock);
    }

    /** The clock's instant in nanoseconds since the epoch. */
    public static long nanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

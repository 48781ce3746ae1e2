package dev.latchkey.auth.clock;

import io.github.bucket4j.TimeMeter;

import java.time.Clock;

/** Bucket4j's time source for a {@link Clock}, so that tests refill buckets by moving their clock. */
public final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    public ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return ClockTicker.nanos(clock);
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}

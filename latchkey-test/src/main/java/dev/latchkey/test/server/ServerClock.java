package dev.latchkey.test.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock a server started by the test kit reads (through {@link ServerClockProducer}): the real UTC time, or the
 * clock a test set with {@link #use(Clock)} until {@link #reset()}.
 */
public final class ServerClock extends Clock {

    static final ServerClock INSTANCE = new ServerClock();

    private volatile Clock target = Clock.systemUTC();

    private ServerClock() {
    }

    /** From now on the servers read {@code clock}. */
    public static void use(Clock clock) {
        INSTANCE.target = clock;
    }

    /** Back to the real time. */
    public static void reset() {
        INSTANCE.target = Clock.systemUTC();
    }

    @Override
    public ZoneId getZone() {
        return target.getZone();
    }

    /** The current target in {@code zone}: it no longer follows {@link #use}. */
    @Override
    public Clock withZone(ZoneId zone) {
        return target.withZone(zone);
    }

    @Override
    public Instant instant() {
        return target.instant();
    }
}

package dev.latchkey.auth.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Warns once at start-up when the {@link LatchkeyClock} in use is not the system clock: a test alternative that moves
 * time (token expiry, lockouts, rate limits, certificate validity) must never reach production unnoticed.
 */
@ApplicationScoped
public class ClockCheck {

    private static final System.Logger LOG = System.getLogger(ClockCheck.class.getName());

    @Inject
    @LatchkeyClock
    Clock clock;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        warnUnlessSystem(clock);
    }

    /** Logs a WARNING naming the clock's class when it is not the system clock; returns whether it did. */
    static boolean warnUnlessSystem(Clock clock) {
        if (ClockTicker.isSystem(clock)) {
            return false;
        }
        LOG.log(System.Logger.Level.WARNING, "Latchkey runs on a non-system clock ({0}): expiry, lockouts and rate"
                + " limits follow it; a @LatchkeyClock test alternative must not be deployed to production",
                clock.getClass().getName());
        return true;
    }
}

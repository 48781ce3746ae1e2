package dev.latchkey.auth.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The default {@link LatchkeyClock}: {@link Clock#systemUTC()}. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @LatchkeyClock
    Clock clock() {
        return Clock.systemUTC();
    }
}

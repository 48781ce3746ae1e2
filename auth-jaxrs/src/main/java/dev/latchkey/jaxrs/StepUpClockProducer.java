package dev.latchkey.jaxrs;

import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The application's {@link StepUpClock}, built once from {@link LatchkeyClock} and MicroProfile Config, at start-up:
 * a bad {@code mp.jwt.verify.clock.skew} fails deployment naming it.
 */
@ApplicationScoped
public class StepUpClockProducer {

    @Produces
    @Singleton
    StepUpClock stepUpClock(@LatchkeyClock Clock clock) {
        return StepUpClock.of(clock, ConfigReader.current());
    }

    void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object started, StepUpClock stepUpClock) {
        // built now (a bad skew fails deployment), not at the first step-up request
    }
}

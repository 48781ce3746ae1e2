package dev.latchkey.jaxrs;

import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.jwt.config.JwtSettings;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.UnsatisfiedResolutionException;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What RFC 9470 step-up measures a token's {@code auth_time} against: Latchkey's clock ({@link LatchkeyClock}, the
 * one the token checks read) and the configured leeway {@value JwtSettings#CLOCK_SKEW} (an {@code auth_time} at most
 * that far in the future is the authorization server's clock running ahead; further, the token is refused).
 *
 * @param clock the time source
 * @param skew  the leeway for an {@code auth_time} in the future
 */
public record StepUpClock(Clock clock, Duration skew) {

    public StepUpClock {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(skew, "skew");
    }

    /** With the configured skew ({@link JwtSettings#clockSkew}, validated: a bad value names the property). */
    public static StepUpClock of(Clock clock, ConfigReader config) {
        return new StepUpClock(clock, JwtSettings.clockSkew(config));
    }

    /**
     * The application's ({@link StepUpClockProducer}) for the JAX-RS layer, which CDI does not inject; without a CDI
     * container (or without the bean in it), the system clock and the configured skew.
     */
    static StepUpClock lookUp() {
        try {
            return CDI.current().select(StepUpClock.class).get();
        } catch (IllegalStateException | UnsatisfiedResolutionException | AmbiguousResolutionException e) {
            return of(Clock.systemUTC(), ConfigReader.current());
        }
    }
}

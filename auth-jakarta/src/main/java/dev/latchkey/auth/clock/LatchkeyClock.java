package dev.latchkey.auth.clock;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link java.time.Clock} Latchkey reads the time from (key expiry and rotation grace, rate-limit
 * buckets, cache expiry, lockout windows, certificate validity). {@link ClockProducer} supplies the system UTC clock;
 * an {@code @Alternative @Priority} producer of {@code @LatchkeyClock Clock} replaces it (tests move time with it).
 * Qualified so that an application's own {@code Clock} bean never collides with it.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface LatchkeyClock {
}

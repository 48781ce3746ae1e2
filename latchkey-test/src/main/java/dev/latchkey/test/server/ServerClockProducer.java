package dev.latchkey.test.server;

import dev.latchkey.auth.clock.LatchkeyClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Replaces Latchkey's {@code @LatchkeyClock} (the system clock) with {@link ServerClock} in every application started
 * with the test kit on the class path: the real time unless a test moves it.
 */
@Alternative
@Priority(50)
@ApplicationScoped
public class ServerClockProducer {

    @Produces
    @Singleton
    @LatchkeyClock
    Clock clock() {
        return ServerClock.INSTANCE;
    }
}

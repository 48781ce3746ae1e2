package dev.latchkey.test.server;

import dev.latchkey.auth.clock.LatchkeyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Replaces Latchkey's {@code @LatchkeyClock} (the system clock) with {@link ServerClock} in the applications the test
 * kit starts, and only there ({@link ServerClockExtension} enables this alternative while the kit boots its server):
 * the real time unless a test moves it.
 */
@Alternative
@ApplicationScoped
public class ServerClockProducer {

    @Produces
    @Singleton
    @LatchkeyClock
    Clock clock() {
        return ServerClock.INSTANCE;
    }
}

package dev.latchkey.test.server;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import java.util.concurrent.Callable;

/**
 * Enables {@link ServerClockProducer} (an {@code @Alternative} without {@code @Priority}, so disabled by default) in
 * the one application the test kit starts ({@link #enabledWhile}), never globally: an application that has the kit on
 * its class path by mistake keeps Latchkey's system clock.
 */
public class ServerClockExtension implements Extension {

    private static volatile boolean enabled;

    /** Runs {@code start} (which boots the kit's server synchronously) with the kit's clock enabled for it. */
    public static <T> T enabledWhile(Callable<T> start) throws Exception {
        enabled = true;
        try {
            return start.call();
        } finally {
            enabled = false;
        }
    }

    void enable(@Observes AfterTypeDiscovery event) {
        if (enabled) {
            event.getAlternatives().add(ServerClockProducer.class);
        }
    }
}

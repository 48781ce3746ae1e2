package dev.latchkey.auth.basic;

import dev.latchkey.auth.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");

    private static BasicSettings settings(int maxTracked) {
        return new BasicSettings(true, Path.of("unused"), List.of(), 5, 20, Duration.ofMinutes(15),
                Duration.ofMinutes(10), maxTracked, PasswordHasher.DEFAULT_ITERATIONS);
    }

    @Test
    void whenSprayOfRandomUsernamesThenCountersStayBounded() {
        LoginThrottle throttle = new LoginThrottle(settings(1000), clock);
        for (int i = 0; i < 100_000; i++) {
            throttle.recordFailure(UUID.randomUUID().toString(), "203.0.113." + (i % 250));
        }
        assertTrue(throttle.trackedUsernames() <= 1000, "tracked: " + throttle.trackedUsernames());
        assertTrue(throttle.trackedAddresses() <= 250);
    }

    @Test
    void whenLockedThenRemainingTimeCountsDownAndExpires() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("alice", null);
        }
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.lockedFor("alice", "192.0.2.1"));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(Optional.of(Duration.ofMinutes(6)), throttle.lockedFor("alice", "192.0.2.1"));
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "192.0.2.1"));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "192.0.2.1"));

        throttle.recordFailure("alice", null);
        assertEquals(Optional.empty(), throttle.lockedFor("alice", null), "a new window starts after the lockout");
    }
}

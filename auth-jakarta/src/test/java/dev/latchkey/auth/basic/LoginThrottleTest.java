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
            throttle.tryAttempt(UUID.randomUUID().toString(), "203.0.113." + (i % 250));
        }
        assertTrue(throttle.trackedUsernames() <= 1000, "tracked: " + throttle.trackedUsernames());
        assertTrue(throttle.trackedAddresses() <= 250);
    }

    @Test
    void whenLockedThenRemainingTimeCountsDownAndExpires() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), throttle.tryAttempt("alice", null), "attempt " + (i + 1) + " is admitted");
        }
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.tryAttempt("alice", "192.0.2.1"));
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.lockedFor("alice", "192.0.2.1"));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(Optional.of(Duration.ofMinutes(6)), throttle.lockedFor("alice", "192.0.2.1"));
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "192.0.2.1"));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "192.0.2.1"));

        assertEquals(Optional.empty(), throttle.tryAttempt("alice", null));
        assertEquals(Optional.empty(), throttle.lockedFor("alice", null), "a new window starts after the lockout");
    }

    @Test
    void whenLockedAttemptsAreRefusedThenTheyAreNotCounted() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 5; i++) {
            throttle.tryAttempt("alice", "192.0.2.1");
        }
        for (int i = 0; i < 30; i++) {
            assertTrue(throttle.tryAttempt("alice", "192.0.2.1").isPresent());
        }
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "192.0.2.1"), "5 of 20 address attempts used");
    }

    @Test
    void whenTheLockingAttemptSucceedsThenItsLocksAreLifted() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 19; i++) {
            throttle.tryAttempt("user" + i, "192.0.2.1");
        }
        assertEquals(Optional.empty(), throttle.tryAttempt("alice", "192.0.2.1"), "the 20th attempt is admitted");
        assertTrue(throttle.lockedFor("bob", "192.0.2.1").isPresent(), "and locks the address while it runs");
        throttle.recordSuccess("alice", "192.0.2.1");
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "192.0.2.1"), "19 failures do not lock");
        assertEquals(Optional.empty(), throttle.tryAttempt("bob", "192.0.2.1"));
        assertTrue(throttle.tryAttempt("carol", "192.0.2.1").isPresent(), "20 failures do");
    }

    @Test
    void whenAttemptCancelledThenNotCounted() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), throttle.tryAttempt("alice", "192.0.2.1"));
            throttle.cancelAttempt("alice", "192.0.2.1");
        }
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "192.0.2.1"));
    }

    @Test
    void whenAddressLockedThenUsernameAttemptTakenBack() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 20; i++) {
            throttle.tryAttempt("user" + i, "203.0.113.7");
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.tryAttempt("alice", "203.0.113.7").isPresent());
        }
        assertEquals(Optional.empty(), throttle.tryAttempt("alice", "203.0.113.8"), "alice herself is not locked");
    }
}

package dev.latchkey.auth.basic;

import dev.latchkey.auth.apikey.RateLimit;
import dev.latchkey.auth.fixtures.MutableClock;
import dev.latchkey.auth.request.ClientNetwork;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final ClientNetwork HOME = net("192.0.2.1");
    private final MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");

    private static BasicSettings settings(int maxTracked) {
        return new BasicSettings(true, Path.of("unused"), List.of(), 5, new RateLimit(10, Duration.ofMinutes(1)),
                Duration.ofMinutes(15), Duration.ofMinutes(10), maxTracked, PasswordHasher.DEFAULT_ITERATIONS);
    }

    static ClientNetwork net(String address) {
        try {
            return ClientNetwork.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void whenSprayOfRandomUsernamesThenCountersStayBounded() {
        LoginThrottle throttle = new LoginThrottle(settings(1000), clock);
        for (int i = 0; i < 100_000; i++) {
            throttle.tryAttempt(UUID.randomUUID().toString(), net("203.0.113." + (i % 250)));
        }
        assertTrue(throttle.trackedPairs() <= 1000, "tracked: " + throttle.trackedPairs());
        assertTrue(throttle.trackedUsernames() <= 1000, "tracked: " + throttle.trackedUsernames());
    }

    @Test
    void whenLockedThenRemainingTimeCountsDownAndExpires() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), throttle.tryAttempt("alice", HOME), "attempt " + (i + 1) + " is admitted");
        }
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.tryAttempt("alice", HOME));
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.lockedFor("alice", HOME));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(Optional.of(Duration.ofMinutes(6)), throttle.lockedFor("alice", HOME));
        assertEquals(Optional.empty(), throttle.lockedFor("bob", HOME));
        assertEquals(Optional.empty(), throttle.lockedFor("alice", net("192.0.2.2")), "only this network is locked");
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Optional.empty(), throttle.lockedFor("alice", HOME));
    }

    @Test
    void whenLockedAttemptsAreRefusedThenTheyAreNotCounted() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 5; i++) {
            throttle.tryAttempt("alice", HOME);
        }
        for (int i = 0; i < 30; i++) {
            assertTrue(throttle.tryAttempt("alice", HOME).isPresent());
        }
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), throttle.tryAttempt("alice", HOME), "the lock ends on time");
    }

    @Test
    void whenTheLockingAttemptSucceedsThenTheLockIsLifted() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 4; i++) {
            throttle.tryAttempt("alice", HOME);
        }
        assertEquals(Optional.empty(), throttle.tryAttempt("alice", HOME), "the 5th attempt is admitted");
        assertTrue(throttle.lockedFor("alice", HOME).isPresent(), "and locks the pair while it runs");
        throttle.recordSuccess("alice", HOME);
        assertEquals(Optional.empty(), throttle.lockedFor("alice", HOME));
    }

    @Test
    void whenAttemptCancelledThenNotCounted() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), throttle.tryAttempt("alice", HOME));
            throttle.cancelAttempt("alice", HOME);
        }
        assertEquals(Optional.empty(), throttle.lockedFor("alice", HOME));
    }

    @Test
    void whenTheUsersChecksAreUsedUpThenOnlyNetworksWithFailuresWait() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), throttle.tryAttempt("alice", net("198.51.100." + i)));
        }
        assertEquals(Optional.of(Duration.ofSeconds(6)), throttle.tryAttempt("alice", net("198.51.100.3")),
                "failed here before: waits for the next of 10 checks per minute");
        assertEquals(Optional.empty(), throttle.tryAttempt("alice", net("192.0.2.77")), "a clean network is checked");
        assertEquals(Optional.empty(), throttle.tryAttempt("bob", net("198.51.100.3")), "other users are unaffected");
    }

    @Test
    void whenUsernamesAreNormalizedAlikeThenOneCounter() {
        LoginThrottle throttle = new LoginThrottle(settings(100), clock);
        for (int i = 0; i < 5; i++) {
            throttle.tryAttempt(i % 2 == 0 ? "jos\u00e9" : "jose\u0301", HOME);
        }
        assertTrue(throttle.lockedFor("jose\u0301", HOME).isPresent());
        assertEquals(1, throttle.trackedPairs());
    }
}

package dev.latchkey.auth.basic;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.state.MemoryStateStore;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.test.time.MutableClock;
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
                Duration.ofMinutes(15), Duration.ofDays(1), Duration.ofMinutes(10), maxTracked,
                PasswordHasher.DEFAULT_ITERATIONS);
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
        LoginThrottle throttle = new LoginThrottle(settings(1000), new MemoryStateStore(clock), clock);
        for (int i = 0; i < 10_000; i++) { // ten times the bound
            throttle.tryAttempt(UUID.randomUUID().toString(), net("203.0.113." + (i % 250)));
        }
        assertTrue(throttle.trackedPairs() <= 1000, "tracked: " + throttle.trackedPairs());
        assertTrue(throttle.trackedUsernames() <= 1000, "tracked: " + throttle.trackedUsernames());
    }

    @Test
    void whenLockedThenRemainingTimeCountsDownAndExpires() {
        LoginThrottle throttle = new LoginThrottle(settings(100), new MemoryStateStore(clock), clock);
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
        LoginThrottle throttle = new LoginThrottle(settings(100), new MemoryStateStore(clock), clock);
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
        LoginThrottle throttle = new LoginThrottle(settings(100), new MemoryStateStore(clock), clock);
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
        LoginThrottle throttle = new LoginThrottle(settings(100), new MemoryStateStore(clock), clock);
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), throttle.tryAttempt("alice", HOME));
            throttle.cancelAttempt("alice", HOME);
        }
        assertEquals(Optional.empty(), throttle.lockedFor("alice", HOME));
    }

    @Test
    void whenTheUsersChecksAreUsedUpThenOnlyNetworksWithFailuresWait() {
        LoginThrottle throttle = new LoginThrottle(settings(100), new MemoryStateStore(clock), clock);
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
        LoginThrottle throttle = new LoginThrottle(settings(100), new MemoryStateStore(clock), clock);
        for (int i = 0; i < 5; i++) {
            throttle.tryAttempt(i % 2 == 0 ? "jos\u00e9" : "jose\u0301", HOME);
        }
        assertTrue(throttle.lockedFor("jose\u0301", HOME).isPresent());
        assertEquals(1, throttle.trackedPairs());
    }

    /** Checks the throttle admitted in a simulated attack; the victim's tries from fresh networks. */
    private record Attack(long checks, long peakChecksPerMinute, int victimTries, int victimAdmitted) {
    }

    /**
     * An attacker holding {@link #ATTACKER_NETWORKS} networks (e.g. /64s of one IPv6 /48) guesses one user's password
     * round-robin, one guess per network in turn, {@code perSecond} guesses per second of (simulated) time, for one
     * hour; every 5 minutes the victim tries from a network without failures. Scaled down from the 2^16
     * networks at 200 guesses/s (1.4 million attempts): each network is guessed from every ~200 s either way, so the
     * result is the same per network (one check, then the user's 10 per minute).
     */
    private Attack attack(Duration remember, int perSecond) {
        LoginThrottle throttle = new LoginThrottle(new BasicSettings(true, Path.of("unused"), List.of(), 5,
                new RateLimit(10, Duration.ofMinutes(1)), Duration.ofMinutes(15), remember, Duration.ofMinutes(15),
                100_000, PasswordHasher.DEFAULT_ITERATIONS), new MemoryStateStore(clock), clock);
        ClientNetwork[] networks = new ClientNetwork[ATTACKER_NETWORKS];
        for (int i = 0; i < networks.length; i++) {
            networks[i] = net("2001:db8:ffff:" + Integer.toHexString(i) + "::1");
        }
        long checks = 0;
        long peak = 0;
        long thisMinute = 0;
        int victimTries = 0;
        int victimAdmitted = 0;
        long stepNanos = 1_000_000_000L / perSecond;
        long total = 3600L * perSecond;
        for (long n = 0; n < total; n++) {
            if (throttle.tryAttempt("victim", networks[(int) (n % networks.length)]).isEmpty()) {
                checks++;
                thisMinute++;
            }
            clock.advance(Duration.ofNanos(stepNanos));
            if ((n + 1) % (60L * perSecond) == 0) {
                peak = Math.max(peak, thisMinute);
                thisMinute = 0;
            }
            if ((n + 1) % (300L * perSecond) == 0) {
                victimTries++;
                if (throttle.tryAttempt("victim", net("192.0.2." + victimTries)).isEmpty()) {
                    victimAdmitted++;
                    throttle.recordSuccess("victim", net("192.0.2." + victimTries));
                }
            }
        }
        return new Attack(checks, peak, victimTries, victimAdmitted);
    }

    private static final int ATTACKER_NETWORKS = 1 << 10;

    /** The figures of issue 12 (README): an attacker with many networks against one user. */
    @Test
    void whenAnAttackerHoldsManyNetworksThenEachNetworkGetsOneCheckThenWaitsAndTheVictimAlwaysGetsIn() {
        Attack defaults = attack(Duration.ofDays(1), 5);
        Attack short15 = attack(Duration.ofMinutes(15), 5);
        System.out.printf("FIGURE 2^10 networks x 5 guesses/s for 1 h against one user: remember-failures P1D"
                        + " (default): %d checks (peak %d/min), victim admitted %d/%d; remember-failures PT15M: %d"
                        + " checks (peak %d/min), victim %d/%d%n",
                defaults.checks(), defaults.peakChecksPerMinute(), defaults.victimAdmitted(), defaults.victimTries(),
                short15.checks(), short15.peakChecksPerMinute(), short15.victimAdmitted(), short15.victimTries());
        assertEquals(defaults.victimTries(), defaults.victimAdmitted(), "the victim is never refused");
        assertEquals(short15.victimTries(), short15.victimAdmitted());
        // One check per fresh network, then the user's 10 per minute for networks that failed.
        assertTrue(defaults.checks() <= ATTACKER_NETWORKS + 600, "checks: " + defaults.checks());
        // Forgotten after 15 minutes, a network is fresh again: one more check per network per quarter hour.
        assertTrue(short15.checks() > 3 * ATTACKER_NETWORKS, "checks: " + short15.checks());
        assertTrue(short15.checks() <= 4 * ATTACKER_NETWORKS + 600, "checks: " + short15.checks());
    }
}

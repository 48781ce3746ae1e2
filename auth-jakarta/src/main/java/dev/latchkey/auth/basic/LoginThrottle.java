package dev.latchkey.auth.basic;

import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.limit.KeyedBuckets;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.state.InstantText;
import dev.latchkey.auth.state.SharedValues;
import dev.latchkey.auth.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows password guessing without handing attackers a way to lock users out (OWASP Authentication Cheat Sheet,
 * "account lockout" and "protect against automated attacks"). Two counters, both on the user name after
 * {@link Usernames#normalize} (the store's comparison):
 *
 * <ol>
 *   <li><b>Lockout per (user name, client network)</b> ({@link ClientNetwork}: an IPv4 address or an IPv6 /64): after
 *   {@code latchkey.basic.lockout.max-failures} failures within {@code latchkey.basic.lockout.window}, attempts for
 *   that name from that network are refused for {@code latchkey.basic.lockout.duration} without checking the password
 *   (429 with {@code Retry-After}, RFC 6585 §4). The same user from another network is not affected.</li>
 *   <li><b>Password checks per user name over all networks</b> ({@code latchkey.basic.lockout.user-checks}, a
 *   Bucket4j token bucket, default {@code 10/PT1M}): an attempt from a network that has failed for this name within
 *   {@code latchkey.basic.lockout.remember-failures} (default {@code P1D}) is refused (429, {@code Retry-After}
 *   until the next check is allowed) while the name's bucket is empty.
 *   An attempt from a network <em>without</em> recent failures for the name is always checked: an attacker spread
 *   over many networks slows the user's checks down but cannot lock the user out. It still takes a token when one is
 *   left.</li>
 * </ol>
 * A success clears the (name, network) count. Each attempt is counted when it is admitted, before its password is
 * checked (see {@link #tryAttempt}), and taken back on success: concurrent guesses get no more tries than sequential
 * ones. How many networks an attacker holds therefore bounds its checks: one per fresh network per
 * {@code remember-failures}, plus the name's bucket.
 *
 * <p>Counters live in the {@link StateStore} ({@code latchkey.state.store}): in memory, bounded
 * ({@code latchkey.basic.lockout.max-tracked}) so that a spray of random names evicts old entries instead of growing
 * memory; or in the store every instance shares, so that a lockout on one instance is a lockout on all. A pair's
 * count changes by compare-and-set. Unknown names are counted like known ones (no enumeration). A shared store that
 * cannot answer refuses the attempt with 503 before the password is checked.
 */
public class LoginThrottle {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration remember;
    private final Duration lockout;
    private final Duration keep;
    private final SharedValues byPair;
    private final KeyedBuckets checksPerUser;

    /**
     * Failures of one pair in the current window; {@code lockedUntil} is null while not locked; {@code lastFailure}
     * is the last counted attempt, also from earlier windows. Stored as text ({@link InstantText}).
     */
    private record Attempts(Instant windowStart, int failures, Instant lockedUntil, Instant lastFailure) {

        String encode() {
            return InstantText.text(windowStart) + "," + failures + "," + InstantText.text(lockedUntil) + ","
                    + InstantText.text(lastFailure);
        }

        static Attempts decode(String text) {
            String[] f = text.split(",", -1);
            return new Attempts(InstantText.instant(f[0]), Integer.parseInt(f[1]), InstantText.instant(f[2]),
                    InstantText.instant(f[3]));
        }
    }

    public LoginThrottle(BasicSettings settings, StateStore state, Clock clock) {
        this.clock = clock;
        this.maxFailures = settings.maxFailures();
        this.window = settings.window();
        this.remember = settings.rememberFailures();
        this.lockout = settings.lockoutDuration();
        this.keep = longest(longest(window, lockout), remember);
        this.byPair = state.values("basic-lockout", settings.maxTrackedKeys());
        this.checksPerUser = new KeyedBuckets(settings.userChecks(),
                state.buckets("basic-user-checks", settings.maxTrackedKeys()));
    }

    /**
     * Admits one login attempt, counting it as a failure <em>before</em> the password is checked, atomically per pair
     * (compare-and-set, re-judged when another attempt changed the pair meanwhile): so N concurrent guesses, on one
     * instance or several, cannot all pass a check made before any of them is counted. Call {@link #recordSuccess}
     * when the password was right; a wrong one needs no further call.
     *
     * @return how long the caller must wait when the pair is locked out or the name's checks are used up for a network
     * with recent failures (nothing is counted then); empty when the password may be checked
     * @throws AuthenticationFailure 503 when a shared store cannot answer
     */
    public Optional<Duration> tryAttempt(String username, ClientNetwork network) {
        Instant now = clock.instant();
        String key = pair(username, network);
        Optional<String> stored = byPair.get(key);
        Duration wait = null;
        while (true) {
            Attempts a = stored.map(Attempts::decode).orElse(null);
            Duration left = remaining(a, now);
            if (!left.isZero()) {
                return Optional.of(left);
            }
            if (wait == null) {
                wait = checksPerUser.tryTake(Usernames.normalize(username));
            }
            boolean failedBefore = a != null && a.lastFailure() != null && !now.isAfter(a.lastFailure().plus(remember));
            if (failedBefore && !wait.isZero()) {
                return Optional.of(wait);
            }
            if (byPair.compareAndSet(key, stored, Optional.of(next(a, now).encode()), now.plus(keep))) {
                return Optional.empty();
            }
            stored = byPair.get(key);
        }
    }

    /** The attempt admitted by {@link #tryAttempt} succeeded: the pair's count is cleared. */
    public void recordSuccess(String username, ClientNetwork network) {
        try {
            byPair.remove(pair(username, network));
        } catch (AuthenticationFailure reported) {
            // the store reported its failure; the caller's correct password stands
        }
    }

    /** The attempt admitted by {@link #tryAttempt} was not judged (the store failed): taken back from the pair. */
    public void cancelAttempt(String username, ClientNetwork network) {
        try {
            undo(pair(username, network));
        } catch (AuthenticationFailure reported) {
            // the store reported its failure; the attempt stays counted
        }
    }

    /** How long the pair must wait while it is locked out; empty when not locked. Read-only. */
    public Optional<Duration> lockedFor(String username, ClientNetwork network) {
        Attempts a = byPair.get(pair(username, network)).map(Attempts::decode).orElse(null);
        Duration left = remaining(a, clock.instant());
        return left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Number of (user name, network) pairs tracked in this JVM; for monitoring and tests (-1: held elsewhere). */
    public long trackedPairs() {
        return byPair.size();
    }

    /** Number of user names with a check bucket in this JVM; for monitoring and tests (-1: held elsewhere). */
    public long trackedUsernames() {
        return checksPerUser.size();
    }

    /** The counter key: the client network (length-prefixed) and the normalized user name. */
    private static String pair(String username, ClientNetwork network) {
        return network.key().length() + ":" + network.key() + Usernames.normalize(username);
    }

    /** Takes one admitted attempt back; lifts a lock that attempt set, keeps one that other failures justify. */
    private void undo(String key) {
        for (int tries = 0; tries < 10; tries++) {
            Optional<String> stored = byPair.get(key);
            if (stored.isEmpty()) {
                return;
            }
            Attempts a = Attempts.decode(stored.get());
            int failures = Math.max(0, a.failures() - 1);
            Attempts undone = new Attempts(a.windowStart(), failures, failures >= maxFailures ? a.lockedUntil() : null,
                    failures == 0 ? null : a.lastFailure());
            if (byPair.compareAndSet(key, stored, Optional.of(undone.encode()), clock.instant().plus(keep))) {
                return;
            }
        }
    }

    private Attempts next(Attempts a, Instant now) {
        if (a == null || now.isAfter(a.windowStart().plus(window))
                || a.lockedUntil() != null && !now.isBefore(a.lockedUntil())) {
            a = new Attempts(now, 0, null, a == null ? null : a.lastFailure());
        }
        int failures = a.failures() + 1;
        Instant lockedUntil = a.lockedUntil() != null ? a.lockedUntil()
                : failures >= maxFailures ? now.plus(lockout) : null;
        return new Attempts(a.windowStart(), failures, lockedUntil, now);
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration remaining(Attempts a, Instant now) {
        if (a == null || a.lockedUntil() == null || !now.isBefore(a.lockedUntil())) {
            return Duration.ZERO;
        }
        return Duration.between(now, a.lockedUntil());
    }
}

package dev.latchkey.auth.basic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.auth.clock.ClockTicker;
import dev.latchkey.auth.limit.KeyedBuckets;
import dev.latchkey.auth.request.ClientNetwork;

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
 * <p>Counters live in bounded Caffeine caches ({@code maximumSize} {@code latchkey.basic.lockout.max-tracked}), so
 * that a spray of random names evicts old entries instead of growing memory. Unknown names are counted like known
 * ones (no enumeration). Counters are per JVM; a cluster needs a shared store.
 */
public class LoginThrottle {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration remember;
    private final Duration lockout;
    private final Cache<Pair, Attempts> byPair;
    private final KeyedBuckets checksPerUser;

    /** The counter key: a normalized user name and a client network. */
    private record Pair(String username, String network) {
    }

    /**
     * Failures of one pair in the current window; {@code lockedUntil} is null while not locked; {@code lastFailure}
     * is the last counted attempt, also from earlier windows.
     */
    private record Attempts(Instant windowStart, int failures, Instant lockedUntil, Instant lastFailure) {
    }

    public LoginThrottle(BasicSettings settings, Clock clock) {
        this.clock = clock;
        this.maxFailures = settings.maxFailures();
        this.window = settings.window();
        this.remember = settings.rememberFailures();
        this.lockout = settings.lockoutDuration();
        Duration keep = longest(longest(window, lockout), remember);
        this.byPair = Caffeine.newBuilder()
                .maximumSize(settings.maxTrackedKeys())
                .expireAfterWrite(keep)
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run)
                .build();
        this.checksPerUser = new KeyedBuckets(settings.userChecks(), settings.maxTrackedKeys(), clock);
    }

    /**
     * Admits one login attempt, counting it as a failure <em>before</em> the password is checked, atomically per pair
     * ({@code compute}): so N concurrent guesses cannot all pass a check made before any of them is counted. Call
     * {@link #recordSuccess} when the password was right; a wrong one needs no further call.
     *
     * @return how long the caller must wait when the pair is locked out or the name's checks are used up for a network
     * with recent failures (nothing is counted then); empty when the password may be checked
     */
    public Optional<Duration> tryAttempt(String username, ClientNetwork network) {
        Instant now = clock.instant();
        Pair pair = pair(username, network);
        Duration[] refused = {Duration.ZERO};
        byPair.asMap().compute(pair, (k, a) -> {
            Duration left = remaining(a, now);
            if (!left.isZero()) {
                refused[0] = left;
                return a;
            }
            boolean failedBefore = a != null && a.lastFailure() != null
                    && !now.isAfter(a.lastFailure().plus(remember));
            Duration wait = checksPerUser.tryTake(pair.username());
            if (failedBefore && !wait.isZero()) {
                refused[0] = wait;
                return a;
            }
            return next(a, now);
        });
        return refused[0].isZero() ? Optional.empty() : Optional.of(refused[0]);
    }

    /** The attempt admitted by {@link #tryAttempt} succeeded: the pair's count is cleared. */
    public void recordSuccess(String username, ClientNetwork network) {
        byPair.invalidate(pair(username, network));
    }

    /** The attempt admitted by {@link #tryAttempt} was not judged (the store failed): taken back from the pair. */
    public void cancelAttempt(String username, ClientNetwork network) {
        undo(pair(username, network));
    }

    /** How long the pair must wait while it is locked out; empty when not locked. Read-only. */
    public Optional<Duration> lockedFor(String username, ClientNetwork network) {
        Duration left = remaining(byPair.getIfPresent(pair(username, network)), clock.instant());
        return left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Number of (user name, network) pairs tracked, after pending evictions; for monitoring and tests. */
    public long trackedPairs() {
        byPair.cleanUp();
        return byPair.estimatedSize();
    }

    /** Number of user names with a check bucket; for monitoring and tests. */
    public long trackedUsernames() {
        return checksPerUser.size();
    }

    private static Pair pair(String username, ClientNetwork network) {
        return new Pair(Usernames.normalize(username), network.key());
    }

    /** Takes one admitted attempt back; lifts a lock that attempt set, keeps one that other failures justify. */
    private void undo(Pair pair) {
        byPair.asMap().computeIfPresent(pair, (k, a) -> {
            int failures = Math.max(0, a.failures() - 1);
            return new Attempts(a.windowStart(), failures, failures >= maxFailures ? a.lockedUntil() : null,
                    failures == 0 ? null : a.lastFailure());
        });
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

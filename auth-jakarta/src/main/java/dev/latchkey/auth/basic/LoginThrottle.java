package dev.latchkey.auth.basic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.auth.clock.ClockTicker;
import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Locks out password guessing (OWASP Authentication Cheat Sheet, "account lockout"): after
 * {@code latchkey.basic.lockout.max-failures} failures for one username, or
 * {@code latchkey.basic.lockout.max-failures-per-address} from one client address, within
 * {@code latchkey.basic.lockout.window}, further attempts are refused for {@code latchkey.basic.lockout.duration}
 * without checking the password (429 with {@code Retry-After}, RFC 6585 §4). A success resets the username's count.
 * Each attempt is counted when it is admitted, before its password is checked (see {@link #tryAttempt}), and taken
 * back on success: concurrent guesses get no more tries than sequential ones.
 *
 * <p>Counters live in two bounded Caffeine caches ({@code maximumSize}, {@code expireAfterWrite}), so that a spray of
 * random usernames evicts old entries instead of growing memory. Unknown usernames are counted like known ones (no
 * enumeration). Counters are per JVM; a cluster needs a shared store (replace this bean).
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    @LatchkeyClock
    Clock clock;
    private int maxPerUser;
    private int maxPerAddress;
    private Duration window;
    private Duration lockout;
    private Cache<String, Attempts> byUser;
    private Cache<String, Attempts> byAddress;

    /** Failures of one key in the current window; {@code lockedUntil} is null while not locked. */
    private record Attempts(Instant windowStart, int failures, Instant lockedUntil) {
    }

    /** For CDI; settings are read in {@link #init()}. */
    public LoginThrottle() {
    }

    public LoginThrottle(BasicSettings settings, Clock clock) {
        configure(settings, clock);
    }

    @PostConstruct
    void init() {
        configure(BasicSettings.from(ConfigReader.current()), clock);
    }

    private void configure(BasicSettings settings, Clock clock) {
        this.clock = clock;
        this.maxPerUser = settings.maxFailures();
        this.maxPerAddress = settings.maxFailuresPerAddress();
        this.window = settings.window();
        this.lockout = settings.lockoutDuration();
        this.byUser = cache(settings, clock);
        this.byAddress = cache(settings, clock);
    }

    private Cache<String, Attempts> cache(BasicSettings settings, Clock clock) {
        Duration keep = window.compareTo(lockout) > 0 ? window : lockout;
        return Caffeine.newBuilder()
                .maximumSize(settings.maxTrackedKeys())
                .expireAfterWrite(keep)
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run)
                .build();
    }

    /**
     * Admits one login attempt, counting it as a failure <em>before</em> the password is checked, atomically per key
     * ({@code compute}): so N concurrent guesses cannot all pass a check made before any of them is counted. Call
     * {@link #recordSuccess} when the password was right; a wrong one needs no further call.
     *
     * @return how long the caller must wait when the username or the address is locked out (nothing is counted then);
     * empty when the attempt may proceed
     */
    public Optional<Duration> tryAttempt(String username, String address) {
        Instant now = clock.instant();
        Duration user = admit(byUser, username, now, maxPerUser);
        if (!user.isZero()) {
            Duration addr = address == null ? Duration.ZERO : remaining(byAddress.getIfPresent(address), now);
            return Optional.of(longest(user, addr));
        }
        if (address != null) {
            Duration addr = admit(byAddress, address, now, maxPerAddress);
            if (!addr.isZero()) {
                undo(byUser, username, maxPerUser);
                return Optional.of(addr);
            }
        }
        return Optional.empty();
    }

    /**
     * The attempt admitted by {@link #tryAttempt} succeeded: the username's counter is reset, and the attempt is taken
     * back from the address's count (one address may legitimately serve many users).
     */
    public void recordSuccess(String username, String address) {
        byUser.invalidate(username);
        if (address != null) {
            undo(byAddress, address, maxPerAddress);
        }
    }

    /** The attempt admitted by {@link #tryAttempt} was not judged (the store failed): taken back from both counts. */
    public void cancelAttempt(String username, String address) {
        undo(byUser, username, maxPerUser);
        if (address != null) {
            undo(byAddress, address, maxPerAddress);
        }
    }

    /** How long the caller must wait, when the username or the address is locked out; empty when allowed. Read-only. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(byUser.getIfPresent(username), now);
        Duration addr = address == null ? Duration.ZERO : remaining(byAddress.getIfPresent(address), now);
        Duration longest = longest(user, addr);
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts an attempt under {@code key} unless it is locked; returns the remaining lock, zero when admitted. */
    private Duration admit(Cache<String, Attempts> cache, String key, Instant now, int max) {
        Duration[] locked = {Duration.ZERO};
        cache.asMap().compute(key, (k, a) -> {
            Duration left = remaining(a, now);
            if (!left.isZero()) {
                locked[0] = left;
                return a;
            }
            return next(a, now, max);
        });
        return locked[0];
    }

    /** Takes one admitted attempt back; lifts a lock that attempt set, keeps one that other failures justify. */
    private static void undo(Cache<String, Attempts> cache, String key, int max) {
        cache.asMap().computeIfPresent(key, (k, a) -> {
            int failures = Math.max(0, a.failures() - 1);
            return new Attempts(a.windowStart(), failures, failures >= max ? a.lockedUntil() : null);
        });
    }

    /** Number of usernames tracked, after pending evictions; for monitoring and tests. */
    public long trackedUsernames() {
        byUser.cleanUp();
        return byUser.estimatedSize();
    }

    public long trackedAddresses() {
        byAddress.cleanUp();
        return byAddress.estimatedSize();
    }

    private Attempts next(Attempts a, Instant now, int max) {
        if (a == null || now.isAfter(a.windowStart().plus(window))
                || a.lockedUntil() != null && !now.isBefore(a.lockedUntil())) {
            a = new Attempts(now, 0, null);
        }
        int failures = a.failures() + 1;
        Instant lockedUntil = a.lockedUntil() != null ? a.lockedUntil()
                : failures >= max ? now.plus(lockout) : null;
        return new Attempts(a.windowStart(), failures, lockedUntil);
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

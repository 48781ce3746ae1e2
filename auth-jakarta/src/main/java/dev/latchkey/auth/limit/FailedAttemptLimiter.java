package dev.latchkey.auth.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.latchkey.auth.clock.ClockTicker;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.state.InstantText;
import dev.latchkey.auth.state.SharedValues;
import dev.latchkey.auth.state.StateStore;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed credential attempts of every kind (JWT, API key, Basic, client certificate) per
 * {@link ClientNetwork client network} in a Bucket4j token bucket ({@link FailedAttemptSettings}). While a network's
 * bucket is empty, every request from it that carries a credential is refused with 429 {@code rate_limited} and
 * {@code Retry-After} (RFC 6585 §4, RFC 9110 §10.2.3) <em>before</em> any store lookup, signature check or password
 * check: guessing API keys (whose CRC32 checksum is public) or passwords costs the guesser, not the store.
 *
 * <p>A failure is a rejection that is the caller's fault (400 or 401). Successes, our own refusals (429) and server
 * failures (503) are not counted. Requests without a credential are never refused here. The client network comes from
 * {@link ClientAddress} behind {@link TrustedProxies}.
 *
 * <p>The counters live in the {@link StateStore}: this JVM's, or the one every instance shares
 * ({@code latchkey.state.store}), so that a network refused by one instance is refused by all. Since only failures
 * take from a network's bucket, the instant it has a token again is known when a failure is counted: the failure's
 * Bucket4j command returns it, and it is kept beside the bucket as the network's "blocked until" value (raised, never
 * lowered, by compare-and-set). Checking a request is one read of that value, not a Bucket4j command (one round-trip,
 * no lock or transaction); a block this instance has read or set is remembered here until it ends (0 round-trips for a
 * blocked network: blocks only grow, so this is exact). A shared store that cannot answer refuses every credential
 * with 503 (fail closed).
 */
public final class FailedAttemptLimiter {

    /** Reason of the refusal, in the audit event. */
    public static final String REASON = "failed_attempts_rate_limited";
    /** The namespace of the counters in the state store. */
    static final String NAMESPACE = "failed-attempts";

    private final KeyedBuckets buckets;
    private final SharedValues blockedUntil;
    private final Cache<String, Instant> knownBlocks;
    private final TrustedProxies proxies;
    private final Clock clock;

    public FailedAttemptLimiter(FailedAttemptSettings settings, TrustedProxies proxies, StateStore state,
                                Clock clock) {
        this.buckets = new KeyedBuckets(settings.limit(), state.buckets(NAMESPACE, settings.maxTracked()));
        this.blockedUntil = state.values(NAMESPACE, settings.maxTracked());
        this.knownBlocks = Caffeine.newBuilder().maximumSize(settings.maxTracked()).ticker(ClockTicker.of(clock))
                .expireAfter(Expiry.writing((String network, Instant until) -> remaining(until, clock.instant())))
                .executor(Runnable::run).build();
        this.proxies = proxies;
        this.clock = clock;
    }

    public ClientNetwork network(HttpServletRequest request) {
        return ClientAddress.network(request, proxies);
    }

    /**
     * The 429 for a network over its limit, or the 503 when the counters cannot be read; empty while it may still
     * try. Takes nothing.
     */
    public Optional<AuthError> refusal(ClientNetwork network) {
        Instant now = clock.instant();
        Instant until = knownBlocks.getIfPresent(network.key());
        if (until == null) {
            try {
                until = blockedUntil.get(network.key()).map(InstantText::instant).orElse(null);
            } catch (AuthenticationFailure unavailable) {
                return Optional.of(unavailable.error());
            }
            if (until != null && until.isAfter(now)) {
                knownBlocks.put(network.key(), until);
            }
        }
        Duration wait = until == null ? Duration.ZERO : remaining(until, now);
        if (wait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(AuthError.tooManyRequests("too many failed authentication attempts from this network; "
                + "retry later", KeyedBuckets.retryAfterSeconds(wait), REASON));
    }

    /**
     * Counts a refusal against the network when it is the caller's fault (400, 401); when that leaves the network
     * without a token, raises its "blocked until" value. A store that fails now has been reported; the failure is not
     * counted (the next {@link #refusal} answers 503 while the store is down).
     */
    public void record(ClientNetwork network, AuthError refusal) {
        if (refusal.status() != 400 && refusal.status() != 401) {
            return;
        }
        try {
            Duration wait = buckets.takeAlways(network.key());
            if (!wait.isZero()) {
                block(network.key(), clock.instant().plus(wait));
            }
        } catch (AuthenticationFailure reported) {
            // reported by the store, once per interval; the outcome already sent stands
        }
    }

    /** Raises the network's "blocked until" to {@code until} unless it is later already; compare-and-set. */
    private void block(String network, Instant until) {
        knownBlocks.asMap().merge(network, until, (a, b) -> a.isAfter(b) ? a : b);
        for (int tries = 0; tries < 10; tries++) {
            Optional<String> stored = blockedUntil.get(network);
            if (stored.map(InstantText::instant).filter(s -> !s.isBefore(until)).isPresent()
                    || blockedUntil.compareAndSet(network, stored, Optional.of(InstantText.text(until)), until)) {
                return;
            }
        }
    }

    private static Duration remaining(Instant until, Instant now) {
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Number of networks with a counter; for monitoring and tests (-1: held elsewhere). */
    public long trackedNetworks() {
        return buckets.size();
    }
}

package dev.latchkey.auth.limit;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.state.BucketStore;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
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
 * {@link ClientAddress} behind {@link TrustedProxies}. The counters live in a {@link BucketStore}: this JVM's, or the
 * one every instance shares ({@code latchkey.state.store}), so that a network refused by one instance is refused by
 * all. A shared store that cannot answer refuses every credential with 503 (fail closed).
 */
public final class FailedAttemptLimiter {

    /** Reason of the refusal, in the audit event. */
    public static final String REASON = "failed_attempts_rate_limited";

    private final KeyedBuckets buckets;
    private final TrustedProxies proxies;

    public FailedAttemptLimiter(FailedAttemptSettings settings, TrustedProxies proxies, BucketStore store) {
        this.buckets = new KeyedBuckets(settings.limit(), store);
        this.proxies = proxies;
    }

    public ClientNetwork network(HttpServletRequest request) {
        return ClientAddress.network(request, proxies);
    }

    /**
     * The 429 for a network over its limit, or the 503 when the counters cannot be read; empty while it may still
     * try. Takes nothing.
     */
    public Optional<AuthError> refusal(ClientNetwork network) {
        Duration wait;
        try {
            wait = buckets.waitFor(network.key());
        } catch (AuthenticationFailure unavailable) {
            return Optional.of(unavailable.error());
        }
        if (wait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(AuthError.tooManyRequests("too many failed authentication attempts from this network; "
                + "retry later", KeyedBuckets.retryAfterSeconds(wait), REASON));
    }

    /**
     * Counts the outcome against the network when it is a failure that is the caller's fault. A store that fails now
     * has been reported; the failure is not counted (the next {@link #refusal} answers 503 while the store is down).
     */
    public void record(ClientNetwork network, AuthOutcome outcome) {
        if (isFailure(outcome)) {
            try {
                buckets.takeAlways(network.key());
            } catch (AuthenticationFailure reported) {
                // reported by the store, once per interval; the outcome already sent stands
            }
        }
    }

    static boolean isFailure(AuthOutcome outcome) {
        return outcome instanceof AuthOutcome.Rejected rejected
                && (rejected.error().status() == 400 || rejected.error().status() == 401);
    }

    /** Number of networks with a counter; for monitoring and tests. */
    public long trackedNetworks() {
        return buckets.size();
    }
}

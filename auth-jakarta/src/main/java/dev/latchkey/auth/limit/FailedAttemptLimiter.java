package dev.latchkey.auth.limit;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
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
 * {@link ClientAddress} behind {@link TrustedProxies}; counters are per JVM.
 */
public final class FailedAttemptLimiter {

    /** Reason of the refusal, in the audit event. */
    public static final String REASON = "failed_attempts_rate_limited";

    private final KeyedBuckets buckets;
    private final TrustedProxies proxies;

    public FailedAttemptLimiter(FailedAttemptSettings settings, TrustedProxies proxies, Clock clock) {
        this.buckets = new KeyedBuckets(settings.limit(), settings.maxTracked(), clock);
        this.proxies = proxies;
    }

    public ClientNetwork network(HttpServletRequest request) {
        return ClientAddress.network(request, proxies);
    }

    /** The 429 for a network over its limit; empty while it may still try. Takes nothing. */
    public Optional<AuthError> refusal(ClientNetwork network) {
        Duration wait = buckets.waitFor(network.key());
        if (wait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(AuthError.tooManyRequests("too many failed authentication attempts from this network; "
                + "retry later", KeyedBuckets.retryAfterSeconds(wait), REASON));
    }

    /** Counts a refusal against the network when it is the caller's fault (400, 401). */
    public void record(ClientNetwork network, AuthError refusal) {
        if (refusal.status() == 400 || refusal.status() == 401) {
            buckets.takeAlways(network.key());
        }
    }

    /** Number of networks with a counter; for monitoring and tests. */
    public long trackedNetworks() {
        return buckets.size();
    }
}

package dev.latchkey.auth.apikey;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.limit.KeyedBuckets;
import dev.latchkey.auth.state.BucketStore;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-key quotas with Bucket4j token buckets (greedy refill) in a {@link BucketStore}: in this JVM (bounded; each
 * bucket is dropped after one idle period of its own limit, when it would be full anyway: a {@code 1000/P1D} key keeps
 * its bucket for a day), or in the store every instance shares ({@code latchkey.state.store}), so that a limit holds
 * across instances. The quota is the record's own limit, else {@code latchkey.api-key.rate-limit}. A hot key costs
 * one lock-free cache read per request in memory, one Bucket4j command on a shared store; a key whose limit changed
 * starts a fresh bucket.
 *
 * <p>Headers follow draft-ietf-httpapi-ratelimit-headers (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset in
 * seconds until the bucket is full again); over the limit the answer is 429 (RFC 6585 §4) with Retry-After
 * (RFC 9110 §10.2.3) in seconds until one request is allowed.
 */
public final class ApiKeyRateLimiter {

    /** The outcome of one request against a quota; {@link #headers()} are sent on success and on 429. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("RateLimit-Limit", Long.toString(limit));
            h.put("RateLimit-Remaining", Long.toString(remaining));
            h.put("RateLimit-Reset", Long.toString(resetSeconds));
            return h;
        }
    }

    private final Optional<RateLimit> defaultLimit;
    private final Optional<BucketConfiguration> defaultConfiguration;
    private final BucketStore buckets;

    public ApiKeyRateLimiter(Optional<RateLimit> defaultLimit, BucketStore buckets) {
        this.defaultLimit = defaultLimit;
        this.defaultConfiguration = defaultLimit.map(KeyedBuckets::configuration);
        this.buckets = buckets;
    }

    /** Consumes one request for the key; empty when neither the record nor the settings set a limit. */
    public Optional<Decision> tryConsume(String keyId, Optional<RateLimit> override) {
        Optional<RateLimit> limit = override.or(() -> defaultLimit);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        RateLimit l = limit.get();
        BucketConfiguration configuration = override.isPresent() ? KeyedBuckets.configuration(l)
                : defaultConfiguration.orElseThrow();
        ConsumptionProbe probe = buckets.tryConsume(keyId, configuration);
        return Optional.of(new Decision(probe.isConsumed(), l.capacity(), probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()))));
    }

    /**
     * Consumes one request, throwing 429 when over the quota.
     *
     * @return the RateLimit-* headers for the response (empty when unlimited)
     */
    public Map<String, String> enforce(String keyId, Optional<RateLimit> override) {
        Optional<Decision> decision = tryConsume(keyId, override);
        if (decision.isEmpty()) {
            return Map.of();
        }
        Decision d = decision.get();
        if (!d.allowed()) {
            throw new AuthenticationFailure(AuthError.tooManyRequests("API key rate limit exceeded",
                    d.retryAfterSeconds(), "api_key_rate_limited").withHeaders(d.headers())
                    .withCredentialId(keyId));
        }
        return d.headers();
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}

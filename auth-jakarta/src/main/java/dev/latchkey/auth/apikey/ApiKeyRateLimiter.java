package dev.latchkey.auth.apikey;

import dev.latchkey.auth.limit.RateLimit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.latchkey.auth.clock.ClockTicker;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.limit.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-key quotas with Bucket4j token buckets (greedy refill), held in a bounded Caffeine cache. Each bucket is dropped
 * after one idle period of its own limit, when it would be full anyway (a {@code 1000/P1D} key keeps its bucket for a
 * day). The quota is the record's own limit, else {@code latchkey.api-key.rate-limit}. A hot key costs one lock-free
 * cache read per request; the bucket is replaced only when the key's limit changed.
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

    private record Holder(RateLimit limit, Bucket bucket) {
    }

    private final Optional<RateLimit> defaultLimit;
    private final Cache<String, Holder> buckets;
    private final TimeMeter time;

    public ApiKeyRateLimiter(Optional<RateLimit> defaultLimit, long maxBuckets, Clock clock) {
        this.defaultLimit = defaultLimit;
        this.time = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).ticker(ClockTicker.of(clock))
                .expireAfter(Expiry.accessing((String id, Holder h) -> h.limit().period()))
                .build();
    }

    /** Consumes one request for the key; empty when neither the record nor the settings set a limit. */
    public Optional<Decision> tryConsume(String keyId, Optional<RateLimit> override) {
        Optional<RateLimit> limit = override.or(() -> defaultLimit);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        RateLimit l = limit.get();
        Holder holder = buckets.get(keyId, id -> new Holder(l, newBucket(l)));
        if (!holder.limit().equals(l)) {
            holder = buckets.asMap().compute(keyId,
                    (id, old) -> old != null && old.limit().equals(l) ? old : new Holder(l, newBucket(l)));
        }
        ConsumptionProbe probe = holder.bucket().tryConsumeAndReturnRemaining(1);
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

    private Bucket newBucket(RateLimit l) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(l.capacity()).refillGreedy(l.capacity(), l.period()).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}

package dev.latchkey.auth.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.clock.ClockTicker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Clock;
import java.time.Duration;

/**
 * One Bucket4j token bucket per key ({@code capacity} per {@code period}, greedy refill), in a bounded Caffeine cache:
 * a bucket idle for one period is full again and is dropped; a spray of fresh keys evicts the least used ones instead
 * of growing memory. Used for counters that are not per API key: failed attempts per client network, password checks
 * per user name.
 */
public final class KeyedBuckets {

    private final RateLimit limit;
    private final Cache<String, Bucket> buckets;
    private final ClockTimeMeter time;

    public KeyedBuckets(RateLimit limit, long maxKeys, Clock clock) {
        this.limit = limit;
        this.time = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).ticker(ClockTicker.of(clock))
                .expireAfterAccess(limit.period()).executor(Runnable::run).build();
    }

    public RateLimit limit() {
        return limit;
    }

    /** Takes one token; {@link Duration#ZERO} when taken, otherwise how long until one is available (nothing taken). */
    public Duration tryTake(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    /** How long until the key has a token again; {@link Duration#ZERO} when it has one now. Takes nothing. */
    public Duration waitFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    /**
     * Takes one token even when none is left (the bucket goes into debt): every event is counted, also those that ran
     * concurrently after one {@link #waitFor} said yes.
     */
    public void takeAlways(String key) {
        bucket(key).consumeIgnoringRateLimits(1);
    }

    /** Number of keys held, after pending evictions; for monitoring and tests. */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .withCustomTimePrecision(time)
                .build());
    }

    /** Whole seconds for {@code Retry-After} (RFC 9110 §10.2.3), rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

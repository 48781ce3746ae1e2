package dev.latchkey.auth.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.latchkey.auth.clock.ClockTicker;
import dev.latchkey.auth.clock.ClockTimeMeter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;

/**
 * The single-instance {@link BucketStore}: Bucket4j's local (lock-free) buckets in a bounded Caffeine cache. A bucket
 * idle until it would be full again is dropped; a spray of fresh keys evicts the least used ones instead of growing
 * memory. A hot key costs one cache read per request.
 */
public final class MemoryBucketStore implements BucketStore {

    /** A bucket, its configuration and how long it is worth keeping (computed once). */
    private record Holder(BucketConfiguration configuration, Bucket bucket, Duration keep) {

        boolean configuredAs(BucketConfiguration other) {
            return configuration == other || configuration.equals(other);
        }
    }

    private final Cache<String, Holder> buckets;
    private final TimeMeter time;

    public MemoryBucketStore(long maxKeys, Clock clock) {
        this.time = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).ticker(ClockTicker.of(clock))
                .expireAfter(Expiry.accessing((String key, Holder h) -> h.keep()))
                .executor(Runnable::run).build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public Duration consumeAlways(String key, BucketConfiguration configuration) {
        return ProxyBucketStore.waitAfter(bucket(key, configuration).asVerbose().consumeIgnoringRateLimits(1));
    }

    @Override
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String key, BucketConfiguration configuration) {
        Holder holder = buckets.get(key, k -> newHolder(configuration));
        if (!holder.configuredAs(configuration)) {
            holder = buckets.asMap().compute(key, (k, old) -> old != null && old.configuredAs(configuration)
                    ? old : newHolder(configuration));
        }
        return holder.bucket();
    }

    private Holder newHolder(BucketConfiguration configuration) {
        var builder = Bucket.builder().withCustomTimePrecision(time);
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return new Holder(configuration, builder.build(), timeToFull(configuration));
    }

    /** How long an empty bucket of this configuration takes to be full again: how long it is worth keeping. */
    static Duration timeToFull(BucketConfiguration configuration) {
        long nanos = 1;
        for (Bandwidth b : configuration.getBandwidths()) {
            nanos = Math.max(nanos, (long) Math.ceil((double) b.getCapacity() * b.getRefillPeriodNanos()
                    / b.getRefillTokens()));
        }
        return Duration.ofNanos(nanos);
    }
}

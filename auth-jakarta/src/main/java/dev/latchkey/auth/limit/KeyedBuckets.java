package dev.latchkey.auth.limit;

import dev.latchkey.auth.state.BucketStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * One Bucket4j token bucket per key ({@code capacity} per {@code period}, greedy refill) in a {@link BucketStore}: in
 * this JVM (bounded; a bucket idle until full again is dropped; a spray of fresh keys evicts the least used ones), or
 * in the store every instance shares ({@code latchkey.state.store}). Used for counters that are not per API key: failed
 * attempts per client network, password checks per user name.
 */
public final class KeyedBuckets {

    private final RateLimit limit;
    private final BucketConfiguration configuration;
    private final BucketStore store;

    public KeyedBuckets(RateLimit limit, BucketStore store) {
        this.limit = limit;
        this.configuration = configuration(limit);
        this.store = store;
    }

    public RateLimit limit() {
        return limit;
    }

    /** Takes one token; {@link Duration#ZERO} when taken, otherwise how long until one is available (nothing taken). */
    public Duration tryTake(String key) {
        ConsumptionProbe probe = store.tryConsume(key, configuration);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    /**
     * Takes one token even when none is left (the bucket goes into debt): every event is counted, also those that ran
     * concurrently after a check said yes.
     *
     * @return how long from now until the key has a token again; {@link Duration#ZERO} when one is left
     */
    public Duration takeAlways(String key) {
        return store.consumeAlways(key, configuration);
    }

    /** Number of keys held in this JVM, after pending evictions; for monitoring and tests (-1: held elsewhere). */
    public long size() {
        return store.size();
    }

    /** The bucket of a quota: {@code capacity} tokens, all refilled over {@code period}, greedily. */
    public static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(limit.capacity())
                .refillGreedy(limit.capacity(), limit.period()).build()).build();
    }

    /** Whole seconds for {@code Retry-After} (RFC 9110 §10.2.3), rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

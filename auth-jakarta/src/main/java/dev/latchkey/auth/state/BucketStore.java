package dev.latchkey.auth.state;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * Bucket4j token buckets by key: in this JVM, or in the shared store through one of Bucket4j's own distributed
 * backends (PostgreSQL, Lettuce). Each call is one Bucket4j command on the key's bucket, created full on first use and
 * dropped once it would be full again. A bucket whose configuration changed starts again, full.
 */
public interface BucketStore {

    /** Takes one token when there is one; the probe tells what is left and how long to wait otherwise. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    /**
     * Takes one token even when none is left (the bucket goes into debt), in the same command as it learns what is
     * left.
     *
     * @return how long from now until the key has a token again; {@link Duration#ZERO} when one is left
     */
    Duration consumeAlways(String key, BucketConfiguration configuration);

    /** Number of buckets held in this JVM (memory store), for monitoring and tests; -1 when they live elsewhere. */
    long size();
}

package dev.latchkey.auth.state;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.time.Duration;

/**
 * A {@link BucketStore} in a shared store, through a Bucket4j {@link ProxyManager} (its Lettuce backend, or
 * {@code JdbcCasProxyManager} on PostgreSQL): each operation is one Bucket4j command, applied by compare-and-swap, so
 * that every instance draws on the same tokens. The stored key is {@code namespace:configuration:key}: a changed limit starts a fresh bucket, as
 * in memory. A failure of the backend is a 503 ({@link StoreFailures}).
 */
public final class ProxyBucketStore implements BucketStore {

    private final ProxyManager<String> proxies;
    private final String namespace;
    private final StoreFailures failures;

    public ProxyBucketStore(ProxyManager<String> proxies, String namespace, StoreFailures failures) {
        this.proxies = proxies;
        this.namespace = namespace;
        this.failures = failures;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return failures.call("rate limit " + namespace,
                () -> bucket(key, configuration).tryConsumeAndReturnRemaining(1));
    }

    @Override
    public Duration consumeAlways(String key, BucketConfiguration configuration) {
        return failures.call("count " + namespace,
                () -> waitAfter(bucket(key, configuration).asVerbose().consumeIgnoringRateLimits(1)));
    }

    @Override
    public long size() {
        return -1;
    }

    private BucketProxy bucket(String key, BucketConfiguration configuration) {
        return proxies.builder().build(StateKeys.bounded(namespace + ':' + fingerprint(configuration) + ':' + key),
                () -> configuration);
    }

    /** How long after a verbose command until its bucket has a token again (zero when it has one). */
    static Duration waitAfter(VerboseResult<?> result) {
        long nanos = result.getState().calculateDelayNanosAfterWillBePossibleToConsume(1,
                result.getOperationTimeNanos(), false);
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    /** {@code capacity/refillTokens/periodNanos} per limit: equal configurations share a bucket, others do not. */
    static String fingerprint(BucketConfiguration configuration) {
        StringBuilder s = new StringBuilder();
        for (Bandwidth b : configuration.getBandwidths()) {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(b.getCapacity()).append('/').append(b.getRefillTokens()).append('/').append(b.getRefillPeriodNanos());
        }
        return s.toString();
    }
}

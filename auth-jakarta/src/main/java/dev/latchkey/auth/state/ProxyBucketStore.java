package dev.latchkey.auth.state;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.time.Duration;

/**
 * A {@link BucketStore} in a shared store, through a Bucket4j {@link ProxyManager} (its PostgreSQL or Lettuce
 * backend): each operation is one Bucket4j command, executed atomically by the backend, so that every instance draws
 * on the same tokens. The stored key is {@code namespace:configuration:key}: a changed limit starts a fresh bucket, as
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
    public void consumeAlways(String key, BucketConfiguration configuration) {
        failures.call("count " + namespace, () -> bucket(key, configuration).consumeIgnoringRateLimits(1));
    }

    @Override
    public Duration waitFor(String key, BucketConfiguration configuration) {
        long nanos = failures.call("check " + namespace,
                () -> bucket(key, configuration).estimateAbilityToConsume(1).getNanosToWaitForRefill());
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    @Override
    public long size() {
        return -1;
    }

    private BucketProxy bucket(String key, BucketConfiguration configuration) {
        return proxies.builder().build(StateKeys.bounded(namespace + ':' + fingerprint(configuration) + ':' + key),
                () -> configuration);
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

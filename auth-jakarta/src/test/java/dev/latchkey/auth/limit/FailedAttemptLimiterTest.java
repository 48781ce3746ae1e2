package dev.latchkey.auth.limit;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.state.BucketStore;
import dev.latchkey.auth.state.InvalidationBus;
import dev.latchkey.auth.state.MemoryStateStore;
import dev.latchkey.auth.state.SharedValues;
import dev.latchkey.auth.state.StateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the failed-attempt check asks of the store: one read for a network, none for a network known to be blocked. */
class FailedAttemptLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final MemoryStateStore memory = new MemoryStateStore(clock);
    /** One bucket store and one value store per namespace, shared by the instances of a test. */
    private final Map<String, BucketStore> buckets = new ConcurrentHashMap<>();
    private final Map<String, SharedValues> values = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final FailedAttemptSettings settings =
            new FailedAttemptSettings(new RateLimit(3, Duration.ofMinutes(1)), 100);
    private final AuthError failure = AuthError.invalidToken("Bearer", "bad", "bad_credential");
    private final ClientNetwork network = ClientNetwork.ofLiteral("198.51.100.9");

    /** An instance on the stores every instance of the test shares; value reads are counted. */
    private FailedAttemptLimiter instance() {
        return new FailedAttemptLimiter(settings, TrustedProxies.NONE, new StateStore() {
            @Override
            public BucketStore buckets(String namespace, long maxKeys) {
                return buckets.computeIfAbsent(namespace, n -> memory.buckets(n, maxKeys));
            }

            @Override
            public SharedValues values(String namespace, long maxKeys) {
                SharedValues stored = values.computeIfAbsent(namespace, n -> memory.values(n, maxKeys));
                return new SharedValues() {
                    @Override
                    public Optional<String> get(String key) {
                        reads.incrementAndGet();
                        return stored.get(key);
                    }

                    @Override
                    public boolean compareAndSet(String key, Optional<String> expected, Optional<String> value,
                                                 Instant expiresAt) {
                        return stored.compareAndSet(key, expected, value, expiresAt);
                    }

                    @Override
                    public void remove(String key) {
                        stored.remove(key);
                    }

                    @Override
                    public long size() {
                        return stored.size();
                    }
                };
            }

            @Override
            public InvalidationBus bus() {
                return memory.bus();
            }

            @Override
            public String kind() {
                return "counting";
            }

            @Override
            public void close() {
                memory.close();
            }
        }, clock);
    }

    @Test
    void whenANetworkIsCheckedThenOneReadAndNoneOnceItIsKnownBlocked() {
        FailedAttemptLimiter limiter = instance();
        assertTrue(limiter.refusal(network).isEmpty());
        assertEquals(1, reads.get(), "one read per check");
        for (int i = 0; i < 3; i++) {
            limiter.record(network, failure);
        }
        reads.set(0);
        for (int i = 0; i < 100; i++) {
            assertEquals(429, limiter.refusal(network).orElseThrow().status());
        }
        assertEquals(0, reads.get(), "the block it set is remembered until it ends");
        clock.advance(Duration.ofSeconds(20));
        assertTrue(limiter.refusal(network).isEmpty(), "one token back after 20 s");
        assertEquals(1, reads.get(), "read again once the known block ended");
    }

    @Test
    void whenAnotherInstanceBlockedTheNetworkThenItIsReadOnceAndRemembered() {
        FailedAttemptLimiter one = instance();
        FailedAttemptLimiter two = instance();
        for (int i = 0; i < 3; i++) {
            one.record(network, failure);
        }
        reads.set(0);
        for (int i = 0; i < 100; i++) {
            assertEquals("20", two.refusal(network).orElseThrow().headers().get("Retry-After"));
        }
        assertEquals(1, reads.get());
    }
}

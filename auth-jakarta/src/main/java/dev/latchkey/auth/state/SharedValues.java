package dev.latchkey.auth.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Short text values by key, each living until its own expiry instant: the primitive the lockout counters, the
 * {@code jti} denylist and the replay caches are built on. Changes are compare-and-set, so that instances racing on one
 * key never lose an update. Expiry is judged on the instance's clock ({@code LatchkeyClock}).
 */
public interface SharedValues {

    /** The live value of {@code key}; empty when absent or expired. */
    Optional<String> get(String key);

    /**
     * Atomically: when the live value of {@code key} equals {@code expected} (empty: absent or expired), sets it to
     * {@code value} until {@code expiresAt} (empty value: removes it).
     *
     * @return whether the value was changed
     */
    boolean compareAndSet(String key, Optional<String> expected, Optional<String> value, Instant expiresAt);

    /** Removes {@code key}, whatever its value. */
    void remove(String key);

    /** Number of keys held in this JVM (memory store), for monitoring and tests; -1 when they live elsewhere. */
    long size();
}

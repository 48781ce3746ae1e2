package dev.latchkey.auth.apikey.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.latchkey.auth.apikey.ApiKeyRecord;
import dev.latchkey.auth.clock.ClockTicker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Caffeine cache of {@link #findByHash} results in front of any store.
 *
 * <ul>
 *   <li>Hits ({@code latchkey.api-key.cache.ttl}, default 30 s): a hot key needs no store query. The TTL bounds how
 *   long a revocation made on another node takes to reach this one.</li>
 *   <li>Misses ({@code latchkey.api-key.cache.negative-ttl}, default 5 s): guessed keys cannot hammer the store.</li>
 *   <li>Writes through this store (revoke, rotate, create) invalidate the entry at once.</li>
 *   <li>A store failure is never cached: the caller sees {@link ApiKeyStoreUnavailable} unless the key was cached.</li>
 * </ul>
 *
 * Admin reads ({@link #findById}, {@link #list}) always go to the store.
 */
public class CachingApiKeyStore implements ApiKeyStore {

    private final ApiKeyStore delegate;
    private final Cache<String, Optional<ApiKeyRecord>> byHash;

    public CachingApiKeyStore(ApiKeyStore delegate, Duration positiveTtl, Duration negativeTtl, long maximumSize,
                              Clock clock) {
        this.delegate = delegate;
        long positive = positiveTtl.toNanos();
        long negative = negativeTtl.toNanos();
        this.byHash = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ClockTicker.of(clock))
                .expireAfter(new Expiry<String, Optional<ApiKeyRecord>>() {
                    @Override
                    public long expireAfterCreate(String key, Optional<ApiKeyRecord> value, long currentTime) {
                        return value.isPresent() ? positive : negative;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Optional<ApiKeyRecord> value, long currentTime,
                                                  long currentDuration) {
                        return value.isPresent() ? positive : negative;
                    }

                    @Override
                    public long expireAfterRead(String key, Optional<ApiKeyRecord> value, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        return byHash.get(hash, delegate::findByHash);
    }

    @Override
    public Optional<ApiKeyRecord> findById(String keyId) {
        return delegate.findById(keyId);
    }

    @Override
    public List<ApiKeyRecord> list() {
        return delegate.list();
    }

    @Override
    public void insert(ApiKeyRecord record) {
        delegate.insert(record);
        byHash.invalidate(record.hash());
    }

    @Override
    public Optional<ApiKeyRecord> compute(String keyId, UnaryOperator<ApiKeyRecord> change) {
        return cached(delegate.compute(keyId, change));
    }

    @Override
    public Optional<ApiKeyRecord> revoke(String keyId, Instant when) {
        return cached(delegate.revoke(keyId, when));
    }

    @Override
    public boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        boolean set = delegate.markReplaced(keyId, newKeyId, graceUntil);
        cached(delegate.findById(keyId));
        return set;
    }

    /**
     * Drops the cached entry for the written record's hash, so the next lookup reads the store. Never puts the
     * written record: two writes racing could put them in the wrong order and cache an un-revoked key.
     */
    private Optional<ApiKeyRecord> cached(Optional<ApiKeyRecord> stored) {
        stored.ifPresent(r -> byHash.invalidate(r.hash()));
        return stored;
    }

    /** Last-use writes do not touch cached entries: a stale {@code lastUsed} in the cache is harmless. */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        delegate.recordLastUsed(lastUsedByKeyId);
    }
}

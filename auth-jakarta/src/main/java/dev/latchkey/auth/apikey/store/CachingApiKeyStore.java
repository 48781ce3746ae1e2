package dev.latchkey.auth.apikey.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.auth.apikey.ApiKeyRecord;
import dev.latchkey.auth.clock.ClockTicker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Caffeine caches of {@link #findByHash} results in front of any store: one for keys found, one for keys not found,
 * each bounded by {@code latchkey.api-key.cache.max-size}, so that a flood of guessed keys fills only the negative
 * cache and never evicts a real key from the positive one.
 *
 * <ul>
 *   <li>Hits ({@code latchkey.api-key.cache.ttl}, default 30 s): a hot key needs no store query. The TTL bounds how
 *   long a revocation made on another node takes to reach this one.</li>
 *   <li>Misses ({@code latchkey.api-key.cache.negative-ttl}, default 5 s): the same guessed key cannot hammer the
 *   store. Distinct guesses are bounded per client network by {@code latchkey.failed-attempts.limit}.</li>
 *   <li>Writes through this store (revoke, rotate, create) update or invalidate the entry at once.</li>
 *   <li>A store failure is never cached: the caller sees {@link ApiKeyStoreUnavailable} unless the key was cached.</li>
 * </ul>
 *
 * Admin reads ({@link #findById}, {@link #list}) always go to the store.
 */
public class CachingApiKeyStore implements ApiKeyStore {

    private final ApiKeyStore delegate;
    private final Cache<String, ApiKeyRecord> found;
    private final Cache<String, Boolean> notFound;

    public CachingApiKeyStore(ApiKeyStore delegate, Duration positiveTtl, Duration negativeTtl, long maximumSize,
                              Clock clock) {
        this.delegate = delegate;
        this.found = Caffeine.newBuilder().maximumSize(maximumSize).ticker(ClockTicker.of(clock))
                .expireAfterWrite(positiveTtl).build();
        this.notFound = Caffeine.newBuilder().maximumSize(maximumSize).ticker(ClockTicker.of(clock))
                .expireAfterWrite(negativeTtl).build();
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        ApiKeyRecord cached = found.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (notFound.getIfPresent(hash) != null) {
            return Optional.empty();
        }
        Optional<ApiKeyRecord> loaded = delegate.findByHash(hash);
        if (loaded.isPresent()) {
            found.put(hash, loaded.get());
        } else {
            notFound.put(hash, Boolean.TRUE);
        }
        return loaded;
    }

    /** Number of cached misses, after pending evictions; for monitoring and tests. */
    public long cachedMisses() {
        notFound.cleanUp();
        return notFound.estimatedSize();
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
        found.invalidate(record.hash());
        notFound.invalidate(record.hash());
    }

    @Override
    public void update(ApiKeyRecord record) {
        delegate.update(record);
        found.put(record.hash(), record);
        notFound.invalidate(record.hash());
    }

    /** Last-use writes do not touch cached entries: a stale {@code lastUsed} in the cache is harmless. */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        delegate.recordLastUsed(lastUsedByKeyId);
    }
}

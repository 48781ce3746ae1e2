package dev.latchkey.auth.apikey.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.clock.ClockTicker;
import dev.latchkey.auth.state.InvalidationBus;

import java.time.Clock;
import java.time.Duration;
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
 *   <li>Writes through this store (revoke, rotate, create) invalidate the entry at once; a load racing a write cannot
 *   put the record it read before the write back (Caffeine's atomic {@code get} with a loader).</li>
 *   <li>A store failure is never cached: the caller sees {@link ApiKeyStoreUnavailable} unless the key was cached.</li>
 *   <li>Revocations, rotations and changes made anywhere reach this cache through the {@link InvalidationBus}
 *   ({@code latchkey.state.store}: PostgreSQL {@code LISTEN/NOTIFY} or Redis pub/sub): a {@link PublishingApiKeyStore}
 *   (under this cache, or in a tool writing to the store directly) publishes the key's hash, and this cache drops it
 *   at once, so a revoked key is refused everywhere within a second; the TTL stays the bound when a message is lost
 *   (a listener that reconnects drops everything).</li>
 * </ul>
 *
 * Admin reads ({@link #findById}, {@link #list}) always go to the store.
 */
public class CachingApiKeyStore extends ForwardingApiKeyStore {

    private final Cache<String, ApiKeyRecord> found;
    private final Cache<String, Boolean> notFound;

    public CachingApiKeyStore(ApiKeyStore delegate, Duration positiveTtl, Duration negativeTtl, long maximumSize,
                              Clock clock, InvalidationBus bus) {
        super(delegate);
        this.found = Caffeine.newBuilder().maximumSize(maximumSize).ticker(ClockTicker.of(clock))
                .expireAfterWrite(positiveTtl).build();
        this.notFound = Caffeine.newBuilder().maximumSize(maximumSize).ticker(ClockTicker.of(clock))
                .expireAfterWrite(negativeTtl).build();
        // The message is the hash, the cache key: an invalidation waits for a load of that hash in progress, so the
        // load cannot undo it.
        bus.subscribe(PublishingApiKeyStore.TOPIC, new InvalidationBus.Listener() {
            @Override
            public void invalidate(String hash) {
                found.invalidate(hash);
                notFound.invalidate(hash);
            }

            @Override
            public void invalidateAll() {
                found.invalidateAll();
                notFound.invalidateAll();
            }
        });
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        if (notFound.getIfPresent(hash) != null) {
            return Optional.empty();
        }
        // Atomic per key: an invalidation by a concurrent write waits for this load, so it cannot be undone by it.
        // A loader returning null caches nothing; a store failure propagates and is not cached either.
        ApiKeyRecord record = found.get(hash, h -> delegate.findByHash(h).orElse(null));
        if (record == null) {
            notFound.put(hash, Boolean.TRUE);
        }
        return Optional.ofNullable(record);
    }

    /** Number of cached misses, after pending evictions; for monitoring and tests. */
    public long cachedMisses() {
        notFound.cleanUp();
        return notFound.estimatedSize();
    }

    /**
     * Drops the cached entries of the written record's hash, so the next lookup reads the store. Never puts the
     * written record: two writes racing could put them in the wrong order and cache an un-revoked key.
     */
    @Override
    protected void written(ApiKeyRecord record) {
        found.invalidate(record.hash());
        notFound.invalidate(record.hash());
    }
}

package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.keylife.KeyLifecycleStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where issued API keys live: hashed records, never plaintext keys. Implementations: {@link FileApiKeyStore},
 * {@code JdbcApiKeyStore}, {@link InMemoryApiKeyStore}; {@link CachingApiKeyStore} goes in front of any of them.
 *
 * <p>Writes are targeted, never a read-then-write of whole records: a revocation sets only the revocation
 * instant, a last-use flush only moves the last-use instant forwards, a rotation only sets successor and grace end
 * and never on a revoked key, so no write racing another can bring a revoked key back.
 *
 * <p>Every method throws {@link ApiKeyStoreUnavailable} when the backend fails, so that an outage is never mistaken
 * for an unknown key.
 */
public interface ApiKeyStore extends KeyLifecycleStore<ApiKeyRecord> {

    /** The record whose hash equals {@code hash} (the request path: must be an indexed lookup). */
    Optional<ApiKeyRecord> findByHash(String hash);

    Optional<ApiKeyRecord> findById(String keyId);

    /** All records, in creation order. */
    List<ApiKeyRecord> list();

    /** Adds a new record. @throws IllegalArgumentException when its key id or hash already exists */
    void insert(ApiKeyRecord record);

    /**
     * Changes one record atomically (in-memory and file stores hold their lock; a JDBC store locks the row); the
     * primitive the targeted operations ({@link #revoke}, {@link #markReplaced}, {@link #recordLastUsed}) are built on
     * when a store does not implement them itself.
     */
    @Override
    Optional<ApiKeyRecord> compute(String keyId, UnaryOperator<ApiKeyRecord> change);

    /**
     * Stores last-use instants in one batch (written behind by {@code LastUsedRecorder}): sets only the last-use
     * instant, and only forwards in time; unknown ids are ignored.
     */
    default void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        lastUsedByKeyId.forEach((id, when) -> compute(id, r -> r.lastUsed() == null || r.lastUsed().isBefore(when)
                ? r.withLastUsed(when) : r));
    }
}

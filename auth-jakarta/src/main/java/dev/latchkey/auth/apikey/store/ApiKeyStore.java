package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.apikey.ApiKeyRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where issued API keys live: hashed records, never plaintext keys. Implementations: {@link FileApiKeyStore},
 * {@code JdbcApiKeyStore}, {@link InMemoryApiKeyStore}; {@link CachingApiKeyStore} goes in front of any of them.
 *
 * <p>Every method throws {@link ApiKeyStoreUnavailable} when the backend fails, so that an outage is never mistaken
 * for an unknown key.
 */
public interface ApiKeyStore {

    /** The record whose hash equals {@code hash} (the request path: must be an indexed lookup). */
    Optional<ApiKeyRecord> findByHash(String hash);

    Optional<ApiKeyRecord> findById(String keyId);

    /** All records, in creation order. */
    List<ApiKeyRecord> list();

    /** Adds a new record. @throws IllegalArgumentException when its key id or hash already exists */
    void insert(ApiKeyRecord record);

    /** Replaces the record with the same key id. @throws java.util.NoSuchElementException when it does not exist */
    void update(ApiKeyRecord record);

    /** Stores last-use instants in one batch (written behind by {@code LastUsedRecorder}); unknown ids are ignored. */
    default void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        lastUsedByKeyId.forEach((id, when) -> findById(id).ifPresent(r -> {
            if (r.lastUsed() == null || r.lastUsed().isBefore(when)) {
                update(r.withLastUsed(when));
            }
        }));
    }
}

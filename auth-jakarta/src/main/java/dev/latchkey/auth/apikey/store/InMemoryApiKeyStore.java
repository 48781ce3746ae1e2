package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A store in memory, for tests and development: lost on restart. */
public class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<String, ApiKeyRecord> byId = new LinkedHashMap<>();
    private final Map<String, ApiKeyRecord> byHash = new LinkedHashMap<>();

    @Override
    public synchronized Optional<ApiKeyRecord> findByHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public synchronized Optional<ApiKeyRecord> findById(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    @Override
    public synchronized List<ApiKeyRecord> list() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized void insert(ApiKeyRecord record) {
        if (byId.containsKey(record.keyId()) || byHash.containsKey(record.hash())) {
            throw new IllegalArgumentException("duplicate API key id " + record.keyId());
        }
        byId.put(record.keyId(), record);
        byHash.put(record.hash(), record);
    }

    /** Atomic under this store's lock. */
    @Override
    public synchronized Optional<ApiKeyRecord> compute(String keyId, UnaryOperator<ApiKeyRecord> change) {
        ApiKeyRecord old = byId.get(keyId);
        if (old == null) {
            return Optional.empty();
        }
        ApiKeyRecord updated = StoredRecords.changed(old, change);
        byHash.remove(old.hash());
        byId.put(keyId, updated);
        byHash.put(updated.hash(), updated);
        return Optional.of(updated);
    }
}

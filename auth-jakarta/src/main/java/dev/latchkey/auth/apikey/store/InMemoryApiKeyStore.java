package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.keylife.SnapshotKeyStore;

import java.util.Optional;

/** A store in memory, for tests and development: lost on restart. */
public class InMemoryApiKeyStore extends SnapshotKeyStore<ApiKeyRecord> implements ApiKeyStore {

    public InMemoryApiKeyStore() {
        super(ApiKeyRecordJson.FORMAT, Storage.memory(ApiKeyRecordJson.FORMAT));
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        return findBySecondKey(hash);
    }
}

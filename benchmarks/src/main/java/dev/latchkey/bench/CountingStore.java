package dev.latchkey.bench;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.apikey.store.ApiKeyStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/** A store wrapper counting every query that reaches the backend (the store behind the cache). */
public final class CountingStore implements ApiKeyStore {

    private final ApiKeyStore delegate;
    private final LongAdder queries = new LongAdder();

    public CountingStore(ApiKeyStore delegate) {
        this.delegate = delegate;
    }

    /** Queries so far: hash lookups (the request path) and id lookups. */
    public long queries() {
        return queries.sum();
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        queries.increment();
        return delegate.findByHash(hash);
    }

    @Override
    public Optional<ApiKeyRecord> findById(String keyId) {
        queries.increment();
        return delegate.findById(keyId);
    }

    @Override
    public List<ApiKeyRecord> list() {
        queries.increment();
        return delegate.list();
    }

    @Override
    public void insert(ApiKeyRecord record) {
        delegate.insert(record);
    }

    @Override
    public Optional<ApiKeyRecord> compute(String keyId, UnaryOperator<ApiKeyRecord> change) {
        return delegate.compute(keyId, change);
    }

    @Override
    public Optional<ApiKeyRecord> revoke(String keyId, Instant when) {
        return delegate.revoke(keyId, when);
    }

    @Override
    public boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        return delegate.markReplaced(keyId, newKeyId, graceUntil);
    }

    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        delegate.recordLastUsed(lastUsedByKeyId);
    }
}

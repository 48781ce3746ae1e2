package dev.latchkey.auth.apikey.store;


import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An {@link ApiKeyStore} in front of another that passes every call through and is told, after each write that can
 * change what a lookup decides (change, revoke, rotate, insert), which record was written: the base of the cache and of
 * the store that announces changes to other instances.
 */
public abstract class ForwardingApiKeyStore implements ApiKeyStore {

    protected final ApiKeyStore delegate;

    protected ForwardingApiKeyStore(ApiKeyStore delegate) {
        this.delegate = delegate;
    }

    /** Called after {@code record} was written, as stored. */
    protected abstract void written(ApiKeyRecord record);

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        return delegate.findByHash(hash);
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
        written(record);
    }

    @Override
    public Optional<ApiKeyRecord> compute(String keyId, UnaryOperator<ApiKeyRecord> change) {
        return written(delegate.compute(keyId, change));
    }

    @Override
    public Optional<ApiKeyRecord> revoke(String keyId, Instant when) {
        return written(delegate.revoke(keyId, when));
    }

    @Override
    public boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        boolean set = delegate.markReplaced(keyId, newKeyId, graceUntil);
        written(delegate.findById(keyId));
        return set;
    }

    /** Last-use writes change nothing a lookup decides. */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        delegate.recordLastUsed(lastUsedByKeyId);
    }

    private Optional<ApiKeyRecord> written(Optional<ApiKeyRecord> stored) {
        stored.ifPresent(this::written);
        return stored;
    }
}

package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.keylife.KeyLifecycleStore;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where clients' signing keys live: public JWKs and sealed HMAC secrets, never a plaintext secret. Implementations:
 * {@link FileClientKeyStore}, {@link JdbcClientKeyStore}, {@link InMemoryClientKeyStore}. As for API keys, writes are
 * targeted (a revocation sets only the revocation instant; a rotation never touches a revoked key), and every method
 * throws {@link ClientKeyStoreUnavailable} when the backend fails, so that an outage is never an unknown key.
 */
public interface ClientKeyStore extends KeyLifecycleStore<ClientKeyRecord> {

    /** The request path: must be an indexed lookup. */
    Optional<ClientKeyRecord> findById(String keyId);

    /** All records, in creation order. */
    List<ClientKeyRecord> list();

    /** @throws IllegalArgumentException when the key id exists */
    void insert(ClientKeyRecord record);

    /** Changes one record atomically (see {@code ApiKeyStore#compute}); never the key id. */
    @Override
    Optional<ClientKeyRecord> compute(String keyId, UnaryOperator<ClientKeyRecord> change);

    /** {@code change} applied to {@code old}, checked to keep the key id. */
    static ClientKeyRecord changed(ClientKeyRecord old, UnaryOperator<ClientKeyRecord> change) {
        return KeyLifecycleStore.changed(old, change);
    }
}

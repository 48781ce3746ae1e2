package dev.latchkey.auth.signature.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where clients' signing keys live: public JWKs and sealed HMAC secrets, never a plaintext secret. Implementations:
 * {@link FileClientKeyStore}, {@link JdbcClientKeyStore}, {@link InMemoryClientKeyStore}. As for API keys, writes are
 * targeted (a revocation sets only the revocation instant; a rotation never touches a revoked key), and every method
 * throws {@link ClientKeyStoreUnavailable} when the backend fails, so that an outage is never an unknown key.
 */
public interface ClientKeyStore {

    /** The request path: must be an indexed lookup. */
    Optional<ClientKeyRecord> findById(String keyId);

    /** All records, in creation order. */
    List<ClientKeyRecord> list();

    /** @throws IllegalArgumentException when the key id exists */
    void insert(ClientKeyRecord record);

    /**
     * Changes one record atomically (see {@code ApiKeyStore#compute}); never the key id. Returns the stored record
     * afterwards, or empty when the key id is unknown.
     */
    Optional<ClientKeyRecord> compute(String keyId, UnaryOperator<ClientKeyRecord> change);

    /** Sets the revocation instant unless one is set. Idempotent. */
    default Optional<ClientKeyRecord> revoke(String keyId, Instant when) {
        return compute(keyId, r -> r.revoked() != null ? r : r.withRevoked(when));
    }

    /** Marks a key as rotated out, only while it is neither revoked nor replaced. Returns whether it was set. */
    default boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        boolean[] set = {false};
        compute(keyId, r -> {
            set[0] = r.revoked() == null && r.replacedBy() == null;
            return set[0] ? r.withReplacement(newKeyId, graceUntil) : r;
        });
        return set[0];
    }

    /** {@code change} applied to {@code old}, checked to keep the key id. */
    static ClientKeyRecord changed(ClientKeyRecord old, UnaryOperator<ClientKeyRecord> change) {
        ClientKeyRecord updated = change.apply(old);
        if (updated == null || !updated.keyId().equals(old.keyId())) {
            throw new IllegalArgumentException("a change must keep key id " + old.keyId());
        }
        return updated;
    }
}

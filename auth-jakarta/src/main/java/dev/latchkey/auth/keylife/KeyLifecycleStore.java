package dev.latchkey.auth.keylife;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The targeted lifecycle writes shared by the API-key and client-key stores, built on the store's atomic
 * {@link #compute}: a revocation sets only the revocation instant, a rotation never touches a revoked key.
 *
 * @param <R> the record type
 */
public interface KeyLifecycleStore<R extends KeyLifecycle<R>> {

    /**
     * Changes one record atomically: {@code change} sees the record as stored and its result is written only if the
     * record did not change meanwhile; it never changes the key id. Returns the stored record afterwards, or empty
     * when the key id is unknown.
     */
    Optional<R> compute(String keyId, UnaryOperator<R> change);

    /**
     * Revokes: sets only the revocation instant, and only when none is set (an earlier revocation stands). Idempotent.
     * Returns the stored record afterwards, or empty when the key id is unknown.
     */
    default Optional<R> revoke(String keyId, Instant when) {
        return compute(keyId, r -> r.revoked() != null ? r : r.withRevoked(when));
    }

    /**
     * Marks a key as rotated out: sets only its successor and grace end, and only while it is neither revoked nor
     * already replaced — a rotation never clears (or races past) a revocation. Returns whether the mark was set.
     */
    default boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        boolean[] set = {false};
        compute(keyId, r -> {
            set[0] = r.revoked() == null && r.replacedBy() == null;
            return set[0] ? r.withReplacement(newKeyId, graceUntil) : r;
        });
        return set[0];
    }

    /** {@code change} applied to {@code old}. @throws IllegalArgumentException when it changes the key id */
    static <R extends KeyLifecycle<R>> R changed(R old, UnaryOperator<R> change) {
        R updated = change.apply(old);
        if (updated == null || !updated.keyId().equals(old.keyId())) {
            throw new IllegalArgumentException("a change must keep key id " + old.keyId());
        }
        return updated;
    }
}

package dev.latchkey.auth.keylife;

import java.time.Instant;
import java.util.Set;

/**
 * The lifecycle fields an issued credential record (an API key, a client's signing key) carries, and the status they
 * give at an instant: revoked, expired, rotated out after its grace period, or active.
 *
 * @param <R> the record type, whose targeted changes return a new record
 */
public interface KeyLifecycle<R extends KeyLifecycle<R>> {

    /** Why a record does not authenticate at a given instant. */
    enum Status { ACTIVE, EXPIRED, ROTATED_OUT, REVOKED }

    String keyId();

    /** Scopes granted to the key. */
    Set<String> scopes();

    /** Groups (roles) granted to the key. */
    Set<String> groups();

    Instant created();

    /** The key id this key replaced, or {@code null}. */
    String rotatedFrom();

    Instant expires();

    Instant revoked();

    String replacedBy();

    Instant graceUntil();

    R withRevoked(Instant when);

    R withReplacement(String newKeyId, Instant until);

    /** The status at {@code now}: a revocation outranks an expiry, which outranks the end of a rotation's grace. */
    default Status status(Instant now) {
        if (revoked() != null && !now.isBefore(revoked())) {
            return Status.REVOKED;
        }
        if (expires() != null && !now.isBefore(expires())) {
            return Status.EXPIRED;
        }
        if (graceUntil() != null && !now.isBefore(graceUntil())) {
            return Status.ROTATED_OUT;
        }
        return Status.ACTIVE;
    }
}

package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;

import java.util.function.UnaryOperator;

/** Checks shared by the stores' {@link ApiKeyStore#compute} implementations. */
public final class StoredRecords {

    private StoredRecords() {
    }

    /** {@code change} applied to {@code old}. @throws IllegalArgumentException when it changes the key id */
    public static ApiKeyRecord changed(ApiKeyRecord old, UnaryOperator<ApiKeyRecord> change) {
        ApiKeyRecord updated = change.apply(old);
        if (updated == null || !updated.keyId().equals(old.keyId())) {
            throw new IllegalArgumentException("a change must keep key id " + old.keyId());
        }
        return updated;
    }
}

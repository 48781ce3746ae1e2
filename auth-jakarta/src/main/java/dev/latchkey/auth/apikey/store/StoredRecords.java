package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.keylife.KeyLifecycleStore;

import java.util.function.UnaryOperator;

/** Checks shared by the stores' {@link ApiKeyStore#compute} implementations. */
public final class StoredRecords {

    private StoredRecords() {
    }

    /** {@code change} applied to {@code old}. @throws IllegalArgumentException when it changes the key id */
    public static ApiKeyRecord changed(ApiKeyRecord old, UnaryOperator<ApiKeyRecord> change) {
        return KeyLifecycleStore.changed(old, change);
    }
}

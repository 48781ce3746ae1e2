package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;

/**
 * A newly issued key: the full key, shown to its owner exactly once and never stored, and its record.
 * {@link #toString()} omits the key.
 */
public record CreatedApiKey(String key, ApiKeyRecord record) {

    public String keyId() {
        return record.keyId();
    }

    @Override
    public String toString() {
        return "CreatedApiKey[keyId=" + record.keyId() + ", key=***]";
    }
}

package dev.latchkey.auth.signature.keys;

import java.util.Optional;

/**
 * A key just registered, created or rotated. For an HMAC key, {@code secret} is the Base64 secret: shown to the client
 * once, kept only sealed.
 */
public record IssuedKey(ClientKeyRecord record, Optional<String> secret) {

    public String keyId() {
        return record.keyId();
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "IssuedKey[" + record + (secret.isPresent() ? ", secret=***" : "") + "]";
    }
}

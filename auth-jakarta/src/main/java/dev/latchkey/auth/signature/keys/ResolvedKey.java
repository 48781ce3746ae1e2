package dev.latchkey.auth.signature.keys;

import java.security.Key;

/** A registry record with its verification key ready: a JDK public key, or the unsealed HMAC key. */
public record ResolvedKey(ClientKeyRecord record, Key key) {

    /** Never the key. */
    @Override
    public String toString() {
        return "ResolvedKey[" + record + "]";
    }
}

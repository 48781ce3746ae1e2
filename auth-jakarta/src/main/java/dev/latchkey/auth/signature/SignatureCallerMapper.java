package dev.latchkey.auth.signature;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.signature.keys.ClientKeyRecord;

import java.util.Map;

/**
 * Maps a verified signature to the caller: the key's client is the caller name, with the key's scopes and groups;
 * attributes {@code keyId} and {@code algorithm}; the credential id (audit logs) is the key id.
 */
public final class SignatureCallerMapper {

    public static final String MECHANISM = "signature";
    public static final String ATTR_KEY_ID = "keyId";
    public static final String ATTR_ALGORITHM = "algorithm";

    private SignatureCallerMapper() {
    }

    public static LatchkeyCaller toCaller(ClientKeyRecord key) {
        return new LatchkeyCaller(key.client(), MECHANISM, key.groups(), key.scopes(),
                Map.of(ATTR_KEY_ID, key.keyId(), ATTR_ALGORITHM, key.algorithm().httpName()), key.keyId());
    }
}

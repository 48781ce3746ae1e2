package dev.latchkey.auth.signature;

import dev.latchkey.auth.signature.keys.ResolvedKey;

/**
 * A signature that verified: the key (and so the client, its scopes and groups) and the signature's input.
 *
 * @param coversContentDigest whether {@code content-digest} is covered: the content must then be checked against the
 *                            field ({@code digest.ContentDigestGate}) before the request is trusted
 */
public record VerifiedSignature(ResolvedKey key, SignatureInput input, boolean coversContentDigest) {

    public String keyId() {
        return key.record().keyId();
    }
}

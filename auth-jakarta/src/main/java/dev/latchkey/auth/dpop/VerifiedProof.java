package dev.latchkey.auth.dpop;

import java.util.Map;

/**
 * A DPoP proof that passed every RFC 9449 §4.3 check for its request and access token.
 *
 * @param jkt             the proof key's RFC 7638 SHA-256 thumbprint: the token's {@code cnf.jkt}
 * @param responseHeaders headers for the response, e.g. a fresh {@code DPoP-Nonce} (§8.2)
 */
public record VerifiedProof(String jkt, Map<String, String> responseHeaders) {

    public VerifiedProof {
        responseHeaders = Map.copyOf(responseHeaders);
    }
}

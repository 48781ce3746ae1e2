package dev.latchkey.auth.dpop.kind;

import dev.latchkey.auth.dpop.ProofRequest;
import jakarta.security.enterprise.credential.Credential;

import java.util.Map;
import java.util.Objects;

/**
 * An access token sent with the {@code DPoP} scheme (RFC 9449 §7.1) and what its proof is checked against. The store
 * that verifies the proof leaves the response headers it calls for (a fresh {@code DPoP-Nonce}) here, for the kind to
 * send. One per request; {@link #toString()} never shows the token.
 */
public final class DPoPCredential implements Credential {

    private final String token;
    private final ProofRequest proof;
    private volatile Map<String, String> responseHeaders = Map.of();

    public DPoPCredential(String token, ProofRequest proof) {
        this.token = Objects.requireNonNull(token, "token");
        this.proof = Objects.requireNonNull(proof, "proof");
    }

    /** The access token. Secret: do not log it. */
    public String token() {
        return token;
    }

    public ProofRequest proof() {
        return proof;
    }

    public Map<String, String> responseHeaders() {
        return responseHeaders;
    }

    void responseHeaders(Map<String, String> headers) {
        this.responseHeaders = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "DPoPCredential[length=" + token.length() + ", proofs=" + proof.proofs().size() + "]";
    }
}

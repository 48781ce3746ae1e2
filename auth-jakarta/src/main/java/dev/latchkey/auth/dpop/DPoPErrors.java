package dev.latchkey.auth.dpop;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.error.ErrorCodes;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.spi.Admission;

import java.util.Map;
import java.util.Set;

/**
 * The DPoP failures (RFC 9449 §7.1), each with a {@code DPoP} challenge that names the accepted algorithms in
 * {@code algs}. Descriptions name the check that failed, never the proof, the token or key material.
 */
public final class DPoPErrors {

    /** RFC 9449 §8, §9: the response header carrying the nonce a client must put in its next proof. */
    public static final String NONCE_HEADER = "DPoP-Nonce";

    private final Map<String, String> algs;

    public DPoPErrors(DPoPSettings settings) {
        this.algs = Map.of("algs", settings.algs());
    }

    /** The parameters of every DPoP challenge, also the one sent to a request without credentials. */
    public Map<String, String> challengeParams() {
        return algs;
    }

    /** 401 {@code invalid_dpop_proof}: the proof fails a §4.3 check. */
    public AuthError invalidProof(String description, String reason) {
        return new AuthError(401, ErrorCodes.INVALID_DPOP_PROOF, description, AuthScheme.DPOP, Set.of(),
                Map.of(), reason, null, algs);
    }

    /** 401 {@code use_dpop_nonce} with the nonce to use (§9). */
    public AuthError useNonce(String description, String nonce) {
        return new AuthError(401, ErrorCodes.USE_DPOP_NONCE, description, AuthScheme.DPOP, Set.of(),
                Map.of(NONCE_HEADER, nonce), "dpop_nonce_required", null, algs);
    }

    /**
     * 401 {@code invalid_token} with a {@code DPoP} challenge for a bearer token where only DPoP is accepted
     * ({@code latchkey.dpop.required}, or a resource that requires it): RFC 9449 §7.2.
     */
    public static AuthError bearerRefused() {
        return AuthError.invalidToken(AuthScheme.DPOP, "bearer tokens are not accepted here: use DPoP",
                "bearer_refused");
    }

    /**
     * The admission of a bearer token by a bearer kind (JWT, introspection): none needed, unless bearer tokens are
     * {@code refused} ({@code latchkey.dpop.required}), then the failure of {@link #bearerRefused()}.
     */
    public static Admission admitBearer(boolean refused) {
        if (refused) {
            throw new AuthenticationFailure(bearerRefused());
        }
        return Admission.NONE;
    }

    /** 401 {@code invalid_token} with a DPoP challenge: the token is not bound to the proof's key (§7.1 example). */
    public AuthError invalidToken(String description, String reason) {
        return AuthError.invalidToken(AuthScheme.DPOP, description, reason).withChallengeParams(algs);
    }
}

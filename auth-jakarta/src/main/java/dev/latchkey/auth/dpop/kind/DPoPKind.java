package dev.latchkey.auth.dpop.kind;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.dpop.DPoPErrors;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.spi.AbstractCredentialKind;

import java.util.List;
import java.util.Map;

/**
 * The DPoP credential kind ({@value #NAME} in {@code latchkey.mechanisms}): {@code Authorization: DPoP <token>} with a
 * {@code DPoP} proof (RFC 9449 §7), validated by {@link DPoPIdentityStore}. Challenges with {@code DPoP} and the
 * accepted algorithms ({@code algs}, §7.1); sends a fresh {@code DPoP-Nonce} when the proof's nonce is about to expire
 * (§8.2).
 */
public final class DPoPKind extends AbstractCredentialKind<DPoPCredential> {

    public static final String NAME = "dpop";

    private final DPoPErrors errors;

    public DPoPKind(DPoPTokenResolver resolver, DPoPErrors errors) {
        super(NAME, List.of(AuthScheme.DPOP), resolver);
        this.errors = errors;
    }

    @Override
    public Map<String, String> challengeParams() {
        return errors.challengeParams();
    }

    @Override
    public Map<String, String> accepted(DPoPCredential credential, LatchkeyCaller caller) {
        return credential.responseHeaders();
    }

    /** An application store that refused the token without saying why. */
    @Override
    public AuthError invalid(DPoPCredential credential) {
        return errors.invalidToken("invalid token", "identity_store_invalid");
    }
}

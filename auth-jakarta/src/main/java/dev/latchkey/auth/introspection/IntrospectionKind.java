package dev.latchkey.auth.introspection;

import dev.latchkey.auth.dpop.DPoPErrors;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.spi.AbstractCredentialKind;
import dev.latchkey.auth.spi.Admission;
import dev.latchkey.auth.spi.CredentialRequest;

import java.util.List;

/**
 * The introspection credential kind ({@value IntrospectionSettings#KIND} in {@code latchkey.mechanisms}): opaque
 * bearer tokens checked with the authorization server (RFC 7662) by {@link IntrospectionIdentityStore}. Challenges
 * with {@code Bearer}. With {@code latchkey.dpop.required}, bearer tokens are refused in favour of DPoP.
 */
public final class IntrospectionKind extends AbstractCredentialKind<IntrospectionCredential> {

    private final boolean bearerRefused;

    public IntrospectionKind(IntrospectionTokenResolver resolver, boolean bearerRefused) {
        super(IntrospectionSettings.KIND, List.of(AuthScheme.BEARER), resolver);
        this.bearerRefused = bearerRefused;
    }

    @Override
    public Admission admit(IntrospectionCredential credential, CredentialRequest request) {
        return DPoPErrors.admitBearer(bearerRefused);
    }

    /** An application store that refused the token without saying why. */
    @Override
    public AuthError invalid(IntrospectionCredential credential) {
        return AuthError.invalidToken(AuthScheme.BEARER, "invalid token", "identity_store_invalid");
    }
}

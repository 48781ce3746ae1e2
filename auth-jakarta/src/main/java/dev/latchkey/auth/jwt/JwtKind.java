package dev.latchkey.auth.jwt;

import dev.latchkey.auth.dpop.DPoPErrors;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.spi.AbstractCredentialKind;
import dev.latchkey.auth.spi.Admission;
import dev.latchkey.auth.spi.CredentialRequest;

import java.util.List;

/**
 * The bearer-JWT credential kind ({@value #NAME} in {@code latchkey.mechanisms}): {@link BearerTokenResolver} finds
 * the token (and the client certificate it may be bound to), {@link JwtIdentityStore} (or an application store)
 * validates the {@link JwtCredential}. Challenges with {@code Bearer} (RFC 6750 §3). With
 * {@code latchkey.dpop.required}, every bearer token is refused in favour of DPoP (RFC 9449 §7.2).
 */
public final class JwtKind extends AbstractCredentialKind<JwtCredential> {

    public static final String NAME = JwtCallerMapper.MECHANISM;

    private final int issuers;
    private final boolean bearerRefused;

    /**
     * @param issuers       how many issuers are trusted: each names callers in its own namespace
     * @param bearerRefused refuse every bearer token before validation ({@code latchkey.dpop.required})
     */
    public JwtKind(BearerTokenResolver resolver, int issuers, boolean bearerRefused) {
        super(NAME, List.of(AuthScheme.BEARER), resolver);
        this.issuers = issuers;
        this.bearerRefused = bearerRefused;
    }

    @Override
    public Admission admit(JwtCredential credential, CredentialRequest request) {
        return DPoPErrors.admitBearer(bearerRefused);
    }


    @Override
    public int callerNamespaces() {
        return issuers;
    }

    /** An application store that refused the token without saying why. */
    @Override
    public AuthError invalid(JwtCredential credential) {
        return AuthError.invalidToken(AuthScheme.BEARER, "invalid token", "identity_store_invalid");
    }
}

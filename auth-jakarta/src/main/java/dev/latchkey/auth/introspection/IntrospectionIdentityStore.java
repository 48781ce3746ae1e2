package dev.latchkey.auth.introspection;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.cdi.Lazy;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.AuthScheme;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates {@link IntrospectionCredential}s (Jakarta Security 3.0, chapter 3) by introspection: an active token is
 * mapped to its caller; a proof-of-possession token (any {@code cnf}) sent as a bearer token is refused (RFC 9449
 * §7.2 for DPoP); every refusal says why (401) or is our dependency failing (503). Other credentials are
 * {@code NOT_VALIDATED}. The introspector is built on the first token, so an application that does not introspect
 * needs no introspection configuration.
 */
public class IntrospectionIdentityStore implements IdentityStore {

    private final Supplier<TokenIntrospector> introspector;
    private final Supplier<IntrospectionCallerMapper> mapper;

    public IntrospectionIdentityStore(Supplier<TokenIntrospector> introspector,
                                      Supplier<IntrospectionCallerMapper> mapper) {
        this.introspector = Lazy.of(introspector);
        this.mapper = Lazy.of(mapper);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof IntrospectionCredential opaque)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        IntrospectedToken token = introspector.get().check(opaque.token());
        if (token.isBound()) {
            throw new AuthenticationFailure(token.jkt().isPresent()
                    ? AuthError.invalidToken(AuthScheme.BEARER, "DPoP-bound token must be sent with the DPoP scheme",
                    "cnf_dpop_as_bearer")
                    : AuthError.invalidToken(AuthScheme.BEARER, "unsupported token binding", "cnf_unsupported"));
        }
        LatchkeyCaller caller = mapper.get().map(token);
        return new CredentialValidationResult(caller, caller.groups());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}

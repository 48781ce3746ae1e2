package dev.latchkey.auth.jwt;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.jwt.validation.VerifiedJwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;

/**
 * Validates {@link JwtCredential}s (Jakarta Security 3.0 §3.2): verifies the token and maps it to a
 * {@link LatchkeyCaller} with its groups. Other credentials are {@code NOT_VALIDATED}. A refused token throws
 * {@link dev.latchkey.auth.error.AuthenticationFailure} (401 with the reason the client must be told, or 503), so
 * that the client learns why; it never returns {@code INVALID} for a token.
 */
@ApplicationScoped
public class JwtIdentityStore implements IdentityStore {

    @Inject
    JwtComponents components;

    private JwtVerifier verifier;
    private JwtCallerMapper mapper;

    /** For CDI. */
    public JwtIdentityStore() {
    }

    /** Without CDI. */
    public JwtIdentityStore(JwtVerifier verifier, JwtCallerMapper mapper) {
        this.verifier = verifier;
        this.mapper = mapper;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof JwtCredential jwt)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        VerifiedJwt verified = verifier().verify(jwt.token(), jwt.clientCertificate().orElse(null));
        LatchkeyCaller caller = mapper().map(verified);
        return new CredentialValidationResult(caller, caller.groups());
    }

    /**
     * {@code PROVIDE_GROUPS} so that the handler takes the groups of this store's result (Jakarta Security 3.0,
     * chapter 3); {@code getCallerGroups} is not overridden, since the handler only calls it on group-only stores.
     */
    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    private JwtVerifier verifier() {
        return verifier != null ? verifier : components.verifier();
    }

    private JwtCallerMapper mapper() {
        return mapper != null ? mapper : components.mapper();
    }
}

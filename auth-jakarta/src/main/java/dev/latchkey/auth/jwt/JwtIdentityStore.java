package dev.latchkey.auth.jwt;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.cdi.Lazy;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.jwt.validation.VerifiedJwt;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates {@link JwtCredential}s (Jakarta Security 3.0, chapter 3): verifies the token and maps it to a
 * {@link LatchkeyCaller} with its groups. Other credentials are {@code NOT_VALIDATED}. A refused token throws
 * {@link dev.latchkey.auth.error.AuthenticationFailure} (401 with the reason the client must be told, or 503), so
 * that the client learns why; it never returns {@code INVALID} for a token. Built by {@link JwtProducers}; verifier
 * and mapper are obtained on the first token, so an application that does not use JWTs needs no JWT configuration.
 */
public class JwtIdentityStore implements IdentityStore {

    private final Supplier<JwtVerifier> verifier;
    private final Supplier<JwtCallerMapper> mapper;

    public JwtIdentityStore(Supplier<JwtVerifier> verifier, Supplier<JwtCallerMapper> mapper) {
        this.verifier = Lazy.of(verifier);
        this.mapper = Lazy.of(mapper);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof JwtCredential jwt)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        VerifiedJwt verified = verifier.get().verify(jwt.token(), jwt.clientCertificate().orElse(null));
        LatchkeyCaller caller = mapper.get().map(verified);
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
}

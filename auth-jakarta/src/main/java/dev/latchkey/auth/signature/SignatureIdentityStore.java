package dev.latchkey.auth.signature;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.cdi.Lazy;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates {@link SignatureCredential}s with the {@link SignatureVerifier} (VALIDATE) and returns the key's groups
 * (PROVIDE_GROUPS); other credentials are not validated. A signature that does not verify, or does not meet the
 * requirements, is an {@code AuthenticationFailure} with a description the client can act on (and
 * {@code Accept-Signature}); the registry down is a 503. The verifier is obtained on first use, so that a deployment
 * without the {@code signature} kind never reads its configuration. Produced by {@link SignatureProducers}.
 */
public class SignatureIdentityStore implements IdentityStore {

    private final Supplier<SignatureVerifier> verifier;

    public SignatureIdentityStore(Supplier<SignatureVerifier> verifier) {
        this.verifier = Lazy.of(verifier);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SignatureCredential signature) || signature.isCleared()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        VerifiedSignature verified = verifier.get().verify(signature.request()).orElse(null);
        if (verified == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        signature.verified(verified);
        LatchkeyCaller caller = SignatureCallerMapper.toCaller(verified.key().record());
        return new CredentialValidationResult(null, caller, null, verified.keyId(), caller.groups());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}

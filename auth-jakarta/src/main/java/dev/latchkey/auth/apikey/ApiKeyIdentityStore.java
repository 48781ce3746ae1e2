package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.format.ParsedApiKey;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.cdi.Lazy;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates {@link ApiKeyCredential}s (VALIDATE) and returns the key's groups in the result (PROVIDE_GROUPS, so the
 * handler keeps them: {@code getCallerGroups} is asked only of stores that provide groups and nothing else); other
 * credentials are {@link CredentialValidationResult#NOT_VALIDATED_RESULT not validated}.
 *
 * <ul>
 *   <li>unknown key: {@link CredentialValidationResult#INVALID_RESULT} (answered "invalid API key", revealing
 *   nothing about which key ids exist);</li>
 *   <li>malformed, revoked, expired, rotated out, wrong environment: {@code AuthenticationFailure} 401 with a
 *   description the client can act on;</li>
 *   <li>store down: {@code AuthenticationFailure} 503.</li>
 * </ul>
 */
public class ApiKeyIdentityStore implements IdentityStore {

    private final Supplier<ApiKeyValidator> validator;

    /**
     * @param validator obtained on the first key (built by {@link ApiKeyProducers}): an application that does not use
     *                  API keys needs no key store
     */
    public ApiKeyIdentityStore(Supplier<ApiKeyValidator> validator) {
        this.validator = Lazy.of(validator);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        ParsedApiKey key = credential instanceof ApiKeyCredential apiKey ? apiKey.parsedKey() : null;
        if (key == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<ApiKeyRecord> record = validator.get().validate(key);
        if (record.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        LatchkeyCaller caller = ApiKeyCallerMapper.toCaller(record.get());
        return new CredentialValidationResult(null, caller, null, record.get().keyId(), caller.groups());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}

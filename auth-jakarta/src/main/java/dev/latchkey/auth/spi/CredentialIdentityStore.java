package dev.latchkey.auth.spi;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An identity store for one credential type (Jakarta Security 3.0, chapter 3): every other credential is
 * {@code NOT_VALIDATED}, without the reflective dispatch of {@link IdentityStore#validate(Credential)}'s default. It
 * validates and provides the groups of its result ({@code PROVIDE_GROUPS}: the handler keeps them).
 *
 * @param <C> the credential it validates
 */
public abstract class CredentialIdentityStore<C extends Credential> implements IdentityStore {

    private final Class<C> type;

    protected CredentialIdentityStore(Class<C> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public final CredentialValidationResult validate(Credential credential) {
        return type.isInstance(credential) ? check(type.cast(credential))
                : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /**
     * Validates a credential of this store's type: a result, or an
     * {@link dev.latchkey.auth.error.AuthenticationFailure} telling the client why (or 503 for a broken dependency).
     */
    protected abstract CredentialValidationResult check(C credential);

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}

package dev.latchkey.auth.mechanism;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the default {@link IdentityStoreHandler} (Jakarta Security 3.0, chapter 3) as a plain object, for
 * containers without Jakarta Security (Latchkey's Jetty bridge enables it): stores are consulted in
 * {@code priority()} order; the first VALID result wins and provides groups if its store declares
 * {@code PROVIDE_GROUPS}; group-only stores add theirs; otherwise INVALID if any store said INVALID, else
 * NOT_VALIDATED. Containers with Jakarta Security (WildFly, Payara) keep their own handler.
 *
 * <p>A result whose groups nothing changes is returned as the store made it: the caller a Latchkey store built reaches
 * the mechanism, and the container, as that same object.
 */
public final class LatchkeyIdentityStoreHandler implements IdentityStoreHandler {

    private final List<IdentityStore> validating;
    private final List<IdentityStore> groupProviders;

    /** @param stores every identity store of the application, in any order */
    public LatchkeyIdentityStoreHandler(List<IdentityStore> stores) {
        List<IdentityStore> all = stores.stream().sorted(Comparator.comparingInt(IdentityStore::priority)).toList();
        this.validating = all.stream().filter(s -> s.validationTypes().contains(ValidationType.VALIDATE)).toList();
        this.groupProviders = all.stream()
                .filter(s -> s.validationTypes().equals(Set.of(ValidationType.PROVIDE_GROUPS))).toList();
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        boolean invalid = false;
        for (IdentityStore store : validating) {
            CredentialValidationResult result = store.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return withGroups(store, result);
            }
            invalid |= result.getStatus() == CredentialValidationResult.Status.INVALID;
        }
        return invalid ? CredentialValidationResult.INVALID_RESULT : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult withGroups(IdentityStore store, CredentialValidationResult result) {
        boolean ownGroups = store.validationTypes().contains(ValidationType.PROVIDE_GROUPS);
        if (groupProviders.isEmpty() && (ownGroups || result.getCallerGroups().isEmpty())) {
            return result; // nothing adds or removes a group: no copy per request
        }
        Set<String> groups = new HashSet<>(ownGroups ? result.getCallerGroups() : Set.of());
        for (IdentityStore provider : groupProviders) {
            groups.addAll(provider.getCallerGroups(result));
        }
        if (ownGroups && groups.equals(result.getCallerGroups())) {
            return result;
        }
        return new CredentialValidationResult(result.getIdentityStoreId(), result.getCallerPrincipal(),
                result.getCallerDn(), result.getCallerUniqueId(), groups);
    }
}

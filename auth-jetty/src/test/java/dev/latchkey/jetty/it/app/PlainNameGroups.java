package dev.latchkey.jetty.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;

/** A plain Jakarta Security group-only store keyed on the name alone: {@code by-name} for {@code namespace-alice}. */
@ApplicationScoped
public class PlainNameGroups implements IdentityStore {

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return NamespaceGroups.NAME.equals(result.getCallerPrincipal().getName()) ? Set.of("by-name") : Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }
}

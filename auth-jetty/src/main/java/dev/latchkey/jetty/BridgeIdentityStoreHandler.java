package dev.latchkey.jetty;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
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
 * The {@link IdentityStoreHandler} on Jetty. Soteria's default handler looks the CDI BeanManager up in JNDI
 * ({@code java:comp/BeanManager}), which Jetty does not bind; binding it would in turn wake Soteria's JASPIC installer,
 * which fails on Jetty's {@code AuthConfigFactory}. This handler implements the same rules of the default IdentityStoreHandler
 * (Jakarta Security 3.0, chapter 3) with plain CDI: stores are consulted in {@code priority()} order; the first VALID result wins and provides
 * groups if it declares {@code PROVIDE_GROUPS}; group-only stores add theirs; otherwise INVALID if any store said
 * INVALID, else NOT_VALIDATED.
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
@ApplicationScoped
public class BridgeIdentityStoreHandler implements IdentityStoreHandler {

    @Inject
    @Any
    Instance<IdentityStore> stores;

    private List<IdentityStore> validating;
    private List<IdentityStore> groupProviders;

    @PostConstruct
    void init() {
        List<IdentityStore> all = stores.stream().sorted(Comparator.comparingInt(IdentityStore::priority)).toList();
        validating = all.stream().filter(s -> s.validationTypes().contains(ValidationType.VALIDATE)).toList();
        groupProviders = all.stream()
                .filter(s -> s.validationTypes().equals(Set.of(ValidationType.PROVIDE_GROUPS))).toList();
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        boolean invalid = false;
        for (IdentityStore store : validating) {
            CredentialValidationResult result = store.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                Set<String> groups = new HashSet<>();
                if (store.validationTypes().contains(ValidationType.PROVIDE_GROUPS)) {
                    groups.addAll(result.getCallerGroups());
                }
                for (IdentityStore provider : groupProviders) {
                    groups.addAll(provider.getCallerGroups(result));
                }
                return new CredentialValidationResult(result.getIdentityStoreId(), result.getCallerPrincipal(),
                        result.getCallerDn(), result.getCallerUniqueId(), groups);
            }
            invalid |= result.getStatus() == CredentialValidationResult.Status.INVALID;
        }
        return invalid ? CredentialValidationResult.INVALID_RESULT : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
}

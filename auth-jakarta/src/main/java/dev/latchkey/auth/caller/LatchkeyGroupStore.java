package dev.latchkey.auth.caller;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A group-only identity store ({@link ValidationType#PROVIDE_GROUPS}, Jakarta Security 3.0 §3.2) that is safe with
 * several credential kinds and issuers: it declares the mechanisms it serves, and it looks groups up by
 * {@link CallerKey} (mechanism, issuer, name), never by the name alone. A plain group-only store is handed every
 * caller by name by the {@code IdentityStoreHandler}, so a JWT whose {@code sub} (from any trusted issuer) equals a
 * Basic user's name would receive that user's groups; this class answers such a caller with no groups. Portable: the
 * check runs inside the store, whichever container's handler consults it.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class AdminGroups extends LatchkeyGroupStore {
 *     public AdminGroups() { super(Set.of("basic")); }
 *     protected Set<String> groups(CallerKey caller) {
 *         return caller.name().equals("alice") ? Set.of("admin") : Set.of();
 *     }
 * }
 * }</pre>
 */
public abstract class LatchkeyGroupStore implements IdentityStore {

    private final Set<String> mechanisms;

    /** @param mechanisms the credential kinds this store serves ({@code jwt}, {@code api-key}, {@code basic}, ...) */
    protected LatchkeyGroupStore(Set<String> mechanisms) {
        this.mechanisms = Set.copyOf(Objects.requireNonNull(mechanisms, "mechanisms"));
    }

    /** The credential kinds this store serves. */
    public final Set<String> mechanisms() {
        return mechanisms;
    }

    /** The groups of {@code caller}, one of the declared mechanisms; keyed on issuer and name as well. */
    protected abstract Set<String> groups(CallerKey caller);

    /**
     * The groups for a Latchkey caller of a declared mechanism; none for any other caller (another kind, or a plain
     * principal of an application's own validating store, whose kind is unknown here).
     */
    @Override
    public final Set<String> getCallerGroups(CredentialValidationResult result) {
        if (result.getCallerPrincipal() instanceof LatchkeyCaller caller && mechanisms.contains(caller.mechanism())) {
            return Set.copyOf(groups(CallerKey.of(caller)));
        }
        return Set.of();
    }

    @Override
    public final Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }
}

package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.caller.LatchkeyGroupStore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The start-up warning for group-only identity stores that do not declare the mechanisms they serve while callers
 * come from more than one namespace (several credential kinds, or a kind with several issuers). The
 * {@code IdentityStoreHandler} hands such a store every caller by name (Jakarta Security 3.0 §3.2), so a JWT whose
 * {@code sub} equals a Basic user's name would receive that user's groups. The remedy it names:
 * {@link LatchkeyGroupStore}.
 */
final class GroupStoreWarning {

    private GroupStoreWarning() {
    }

    /**
     * @param mechanisms       the enabled credential kinds
     * @param namespaces       the caller namespaces of all of them ({@code CredentialKind#callerNamespaces})
     * @param plainGroupStores class names of group-only stores that are not {@link LatchkeyGroupStore}s; asked
     *                         only when callers come from more than one namespace
     */
    static Optional<String> of(List<String> mechanisms, int namespaces, Supplier<List<String>> plainGroupStores) {
        if (namespaces <= 1) {
            return Optional.empty();
        }
        List<String> plain = plainGroupStores.get();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("group-only identity store(s) " + new TreeSet<>(plain) + " are given every "
                + "caller by name, whatever its credential kind " + mechanisms + " and issuer (" + namespaces
                + " namespaces): a caller of one kind or issuer gets the groups of a namesake of another. Extend "
                + LatchkeyGroupStore.class.getName() + " to declare the mechanisms served and match on (mechanism, "
                + "issuer, name)");
    }
}

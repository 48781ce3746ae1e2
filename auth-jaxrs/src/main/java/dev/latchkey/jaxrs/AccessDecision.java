package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies an {@link AccessRule} to a caller: unauthenticated is 401, authenticated without the role or scope is 403
 * (RFC 6750 §3.1 {@code insufficient_scope} names the required scopes). Shared by the JAX-RS filter and the CDI
 * interceptor so both answer alike.
 */
public final class AccessDecision {

    private AccessDecision() {
    }

    /**
     * @param principal the container's principal, {@code null} when unauthenticated
     * @param caller    the Latchkey caller, when the principal came from Latchkey
     * @param inRole    the container's role check
     * @param scopeScheme the challenge scheme of an {@code insufficient_scope} for a caller of a credential kind
     *                    (by kind name; {@link Challenges#scopeScheme}): its kind's when that is {@code Bearer}
     * @return the error to answer, or empty when access is granted
     */
    public static Optional<AuthError> decide(AccessRule rule, Principal principal, LatchkeyCaller caller,
                                             Predicate<String> inRole,
                                             Function<String, Optional<String>> scopeScheme) {
        if (rule.isUnrestricted()) {
            return Optional.empty();
        }
        if (principal == null) {
            return Optional.of(AuthError.unauthenticated(null));
        }
        if (rule.denyAll()) {
            return Optional.of(AuthError.forbidden());
        }
        if (!rule.roles().isEmpty() && !rule.roles().contains(AccessRule.ANY_AUTHENTICATED)
                && rule.roles().stream().noneMatch(inRole)) {
            return Optional.of(AuthError.forbidden());
        }
        Set<String> granted = caller == null ? Set.of() : caller.scopes();
        Set<String> missing = new LinkedHashSet<>();
        for (ScopeRequirement requirement : rule.scopes()) {
            if (!requirement.isSatisfiedBy(granted)) {
                missing.addAll(requirement.missingFrom(granted));
            }
        }
        if (!missing.isEmpty()) {
            String scheme = caller == null ? null : scopeScheme.apply(caller.mechanism()).orElse(null);
            return Optional.of(AuthError.insufficientScope(scheme, missing));
        }
        return Optional.empty();
    }
}

package dev.latchkey.jaxrs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one resource method (or sub-resource locator) requires, resolved once at deployment by
 * {@link SecurityAnnotations} from {@code @RequiresScope}, {@code @RolesAllowed}, {@code @PermitAll} and
 * {@code @DenyAll} on the method, the methods it overrides, its class and the class's supertypes.
 *
 * @param denyAll       nobody may call
 * @param authenticated a caller is required
 * @param roles         one of these roles is required (empty: no role check); {@code **} means any caller
 * @param scopes        every requirement must be satisfied
 * @param authContext   what the token's authentication event must satisfy (RFC 9470), when declared
 * @param dpop          only a DPoP-bound token with its proof is accepted ({@link RequiresDPoP}, RFC 9449 §7.2)
 * @param sources       where each piece came from, e.g. {@code @RolesAllowed({"admin"}) on class x.Base}, for the
 *                      route report
 */
public record AccessRule(boolean denyAll, boolean authenticated, Set<String> roles, List<ScopeRequirement> scopes,
                         Optional<AuthContextRequirement> authContext, boolean dpop, List<String> sources) {

    public static final String ANY_AUTHENTICATED = "**";

    public AccessRule {
        roles = Set.copyOf(roles);
        scopes = List.copyOf(scopes);
        authContext = authContext == null ? Optional.empty() : authContext;
        sources = List.copyOf(sources);
    }

    public AccessRule(boolean denyAll, boolean authenticated, Set<String> roles, List<ScopeRequirement> scopes) {
        this(denyAll, authenticated, roles, scopes, Optional.empty(), false, List.of());
    }

    static AccessRule open(String source) {
        return new AccessRule(false, false, Set.of(), List.of(), Optional.empty(), false, List.of(source));
    }

    static AccessRule authenticatedOnly(String source) {
        return new AccessRule(false, true, Set.of(), List.of(), Optional.empty(), false, List.of(source));
    }

    static AccessRule deny(String source) {
        return new AccessRule(true, true, Set.of(), List.of(), Optional.empty(), false, List.of(source));
    }

    public boolean isUnrestricted() {
        return !denyAll && !authenticated;
    }

    /**
     * Resolves the rule of a resource method with {@link SecurityAnnotations}; a method that declares nothing gets
     * the rule of {@code policy}.
     *
     * @throws IllegalStateException when the annotations contradict each other (the message names the method)
     */
    public static AccessRule of(Class<?> resourceClass, Method resourceMethod, UnannotatedPolicy policy) {
        return SecurityAnnotations.resolve(resourceClass, resourceMethod).orElseGet(policy::rule);
    }

    /** {@code public}, {@code deny}, {@code authenticated}, or the roles and scopes, for the route report. */
    public String summary() {
        if (denyAll) {
            return "deny";
        }
        if (!authenticated) {
            return "public";
        }
        List<String> parts = new ArrayList<>();
        if (!roles.isEmpty() && !roles.contains(ANY_AUTHENTICATED)) {
            parts.add("roles any of " + roles.stream().sorted().collect(Collectors.joining(",", "[", "]")));
        }
        for (ScopeRequirement requirement : scopes) {
            parts.add("scopes " + requirement.mode().name().toLowerCase(Locale.ROOT) + " of "
                    + requirement.scopes().stream().sorted().collect(Collectors.joining(",", "[", "]")));
        }
        authContext.ifPresent(a -> parts.add("authentication " + a.summary()));
        if (dpop) {
            parts.add("DPoP only");
        }
        return parts.isEmpty() ? "authenticated" : String.join(" and ", parts);
    }
}

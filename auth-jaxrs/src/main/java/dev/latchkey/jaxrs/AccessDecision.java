package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.dpop.DPoPErrors;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.AuthScheme;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies an {@link AccessRule} to a caller: unauthenticated is 401, authenticated without the role or scope is 403
 * (RFC 6750 §3.1 {@code insufficient_scope} names the required scopes), a token from too weak or too old an
 * authentication event is 401 {@code insufficient_user_authentication} (RFC 9470 §3). Shared by the JAX-RS filter
 * and the CDI interceptor so both answer alike.
 */
public final class AccessDecision {

    private AccessDecision() {
    }

    /**
     * @param principal the container's principal, {@code null} when unauthenticated
     * @param caller    the Latchkey caller, when the principal came from Latchkey
     * @param inRole    the container's role check
     * @param scopeScheme the challenge scheme of an {@code insufficient_scope} or
     *                    {@code insufficient_user_authentication} for a caller of a credential kind (by kind name;
     *                    {@link Challenges#scopeScheme}): its kind's when that is {@code Bearer} or {@code DPoP}
     * @param time      what the token's {@code auth_time} is measured against (RFC 9470); read only for a rule with a
     *                  step-up requirement (may be null for others)
     * @return the error to answer, or empty when access is granted
     */
    public static Optional<AuthError> decide(AccessRule rule, Principal principal, LatchkeyCaller caller,
                                             Predicate<String> inRole,
                                             Function<String, Optional<String>> scopeScheme, StepUpClock time) {
        if (rule.isUnrestricted()) {
            return Optional.empty();
        }
        if (principal == null) {
            return Optional.of(AuthError.unauthenticated(null));
        }
        if (rule.denyAll()) {
            return Optional.of(AuthError.forbidden());
        }
        if (rule.dpop() && !dpopBound(caller)) {
            return Optional.of(DPoPErrors.bearerRefused()); // RFC 9449 §7.2: this resource takes DPoP only
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
            return Optional.of(AuthError.insufficientScope(tokenScheme(caller, scopeScheme), missing));
        }
        return rule.authContext().flatMap(required -> required.check(caller, tokenScheme(caller, scopeScheme), time));
    }

    /**
     * The scheme of the caller's token, for a challenge that asks for another token: {@code DPoP} for a DPoP-bound
     * one ({@code cnf.jkt}, RFC 9449 §6), else its kind's scheme when that is {@code Bearer} or {@code DPoP}, none
     * for the rest.
     */
    private static String tokenScheme(LatchkeyCaller caller, Function<String, Optional<String>> scopeScheme) {
        if (caller == null) {
            return null;
        }
        if (dpopBound(caller)) {
            return AuthScheme.DPOP;
        }
        return scopeScheme.apply(caller.mechanism()).orElse(null);
    }

    /**
     * Whether the caller's token is DPoP-bound ({@code cnf.jkt}, RFC 9449 §6): such a token is only ever accepted
     * with its proof (a bound token sent as a bearer token is refused), so its caller presented one.
     */
    private static boolean dpopBound(LatchkeyCaller caller) {
        return caller != null && caller.attributes().get("cnf") instanceof java.util.Map<?, ?> cnf
                && cnf.get("jkt") instanceof String;
    }
}

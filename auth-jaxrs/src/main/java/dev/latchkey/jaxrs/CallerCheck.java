package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.RequestAuthContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Applies {@link AccessRule}s to the caller of one JAX-RS request and aborts it with 401/403. Roles are the Latchkey
 * caller's groups, so {@code @RolesAllowed} means the same on every container whatever its group-to-role mapping;
 * only a principal that is not a Latchkey caller is asked through {@link SecurityContext#isUserInRole}.
 */
final class CallerCheck {

    private CallerCheck() {
    }

    /** @return true when the request was aborted */
    static boolean denyIfNotAllowed(ContainerRequestContext request, AccessRule rule,
                                    AuthorizationDeployment deployment) {
        if (rule.isUnrestricted()) {
            return false; // public: AccessDecision grants it whoever asks, so no caller is looked up
        }
        Challenges challenges = deployment.challenges();
        SecurityContext security = request.getSecurityContext();
        Principal principal = security.getUserPrincipal();
        // What the mechanism left for this request (JAX-RS exposes servlet request attributes as properties).
        Object authContext = request.getProperty(AuthenticatorChain.REQUEST_ATTRIBUTE);
        LatchkeyCaller caller = caller(authContext, principal);
        Predicate<String> inRole = caller != null ? caller::isInGroup : security::isUserInRole;
        StepUpClock time = rule.authContext().isPresent() ? deployment.stepUpClock() : null;
        Optional<AuthError> denied = AccessDecision.decide(rule, principal, caller, inRole,
                challenges.scopeScheme(authContext), time);
        denied.ifPresent(error -> {
            if (principal == null) {
                challenges.challenged(authContext, request.getUriInfo().getRequestUri().getPath());
            }
            AuthError answered = error.withHeaders(challenges.headersFor(error, authContext, request.hasEntity()));
            request.abortWith(ErrorResponse.of(answered, challenges.forError(error, authContext)));
        });
        return denied.isPresent();
    }

    /** The principal itself, or, where the container replaced it with its own type, the mechanism's caller. */
    private static LatchkeyCaller caller(Object authContext, Principal principal) {
        if (principal instanceof LatchkeyCaller c) {
            return c;
        }
        return principal == null ? null : RequestAuthContext.of(authContext).flatMap(RequestAuthContext::caller)
                .filter(c -> c.getName().equals(principal.getName())).orElse(null);
    }
}

package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
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
    static boolean denyIfNotAllowed(ContainerRequestContext request, AccessRule rule, Challenges challenges) {
        SecurityContext security = request.getSecurityContext();
        Principal principal = security.getUserPrincipal();
        LatchkeyCaller caller = caller(request, principal);
        Predicate<String> inRole = caller != null ? caller::isInGroup : security::isUserInRole;
        // What the mechanism left for this request (JAX-RS exposes servlet request attributes as properties).
        Object authContext = request.getProperty(AuthenticatorChain.REQUEST_ATTRIBUTE);
        Optional<AuthError> denied = AccessDecision.decide(rule, principal, caller, inRole,
                challenges.scopeScheme(authContext));
        denied.ifPresent(error -> {
            if (principal == null) {
                challenges.challenged(authContext, request.getUriInfo().getRequestUri().getPath());
            }
            request.abortWith(ErrorResponse.of(error, challenges.forError(error, authContext)));
        });
        return denied.isPresent();
    }

    private static LatchkeyCaller caller(ContainerRequestContext request, Principal principal) {
        if (principal instanceof LatchkeyCaller c) {
            return c;
        }
        if (principal != null && request.getProperty(LatchkeyCaller.REQUEST_ATTRIBUTE) instanceof LatchkeyCaller c
                && c.getName().equals(principal.getName())) {
            return c;
        }
        return null;
    }
}

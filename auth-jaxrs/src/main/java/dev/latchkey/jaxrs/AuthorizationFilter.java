package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Optional;

/** Enforces one resource method's precomputed {@link AccessRule}. Registered by {@link LatchkeyAuthorizationFeature}. */
@Priority(Priorities.AUTHORIZATION)
final class AuthorizationFilter implements ContainerRequestFilter {

    private final AccessRule rule;
    private final Challenges challenges;

    AuthorizationFilter(AccessRule rule, Challenges challenges) {
        this.rule = rule;
        this.challenges = challenges;
    }

    AccessRule rule() {
        return rule;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        Principal principal = security.getUserPrincipal();
        LatchkeyCaller caller = principal instanceof LatchkeyCaller c ? c
                : request.getProperty(LatchkeyCaller.REQUEST_ATTRIBUTE) instanceof LatchkeyCaller c2 ? c2 : null;
        Optional<AuthError> denied = AccessDecision.decide(rule, principal, caller, security::isUserInRole);
        denied.ifPresent(error -> {
            // What the mechanism left for this request (JAX-RS exposes servlet request attributes as properties).
            Object authContext = request.getProperty(AuthenticatorChain.REQUEST_ATTRIBUTE);
            if (principal == null) {
                challenges.challenged(authContext, request.getUriInfo().getRequestUri().getPath());
            }
            request.abortWith(ErrorResponse.of(error, challenges.forError(error, authContext)));
        });
    }
}

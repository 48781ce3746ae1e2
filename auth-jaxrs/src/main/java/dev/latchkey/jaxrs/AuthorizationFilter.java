package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Enforces one resource method's precomputed {@link AccessRule}, registered for every resource method by
 * {@link LatchkeyAuthorizationFeature}. For a method reached through sub-resource locators it first applies the rule
 * of every locator that actually ran, level by level, found from the routed request alone (standard API:
 * {@code UriInfo#getMatchedResources()} and the routed, still encoded path): what {@link LocatorGuard} decided before
 * matching is not trusted here, so a path it read differently (a later URI rewrite, an implementation's tie-break)
 * cannot skip a locator's constraints. A locator that cannot be told apart from another applies with it (fail
 * closed).
 */
@Priority(Priorities.AUTHORIZATION)
final class AuthorizationFilter implements ContainerRequestFilter {

    private final AccessRule rule;
    private final AuthorizationDeployment deployment;

    AuthorizationFilter(AccessRule rule, AuthorizationDeployment deployment) {
        this.rule = rule;
        this.deployment = deployment;
    }

    AccessRule rule() {
        return rule;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!locatorsChecked(request)) {
            return;
        }
        CallerCheck.denyIfNotAllowed(request, rule, deployment);
    }

    /** @return false when the request was aborted */
    private boolean locatorsChecked(ContainerRequestContext request) {
        List<Object> matched = request.getUriInfo().getMatchedResources();
        if (matched.size() < 2) {
            return true;
        }
        // matched: current resource first, root last (JAX-RS UriInfo#getMatchedResources).
        List<Class<?>> resources = new ArrayList<>();
        for (int i = matched.size() - 1; i >= 0; i--) {
            resources.add(Proxies.unwrap(matched.get(i).getClass()));
        }
        List<ResourceMember> ran;
        try {
            ran = deployment.table().locatorsRan(resources, RawPath.forms(request.getUriInfo()));
        } catch (IllegalStateException e) {
            deployment.unresolved(resources.get(0), e);
            request.abortWith(ErrorResponse.of(AuthError.unavailable("authorization unavailable",
                    "authorization_unresolved"), List.of()));
            return false;
        }
        for (ResourceMember locator : ran) {
            if (locator.rule().isPresent()
                    && CallerCheck.denyIfNotAllowed(request, locator.rule().get(), deployment)) {
                return false;
            }
        }
        return true;
    }
}

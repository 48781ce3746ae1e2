package dev.latchkey.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces one resource method's precomputed {@link AccessRule}, registered for every resource method by
 * {@link LatchkeyAuthorizationFeature}. For a method reached through sub-resource locators it first checks that each
 * locator's constraints were applied: those {@link LocatorGuard} applied before the locators ran are recorded on the
 * request; for any level it could not foresee (a locator returning {@code Object}), the rules of every locator of the
 * owning class that may have returned the sub-resource are applied here, before the method runs (fail closed).
 */
@Priority(Priorities.AUTHORIZATION)
final class AuthorizationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RouteReport.LOGGER);

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
        CallerCheck.denyIfNotAllowed(request, rule, deployment.challenges());
    }

    /** @return false when the request was aborted */
    private boolean locatorsChecked(ContainerRequestContext request) {
        List<Object> matched = request.getUriInfo().getMatchedResources();
        if (matched.size() < 2) {
            return true;
        }
        Set<?> applied = request.getProperty(LocatorGuard.APPLIED) instanceof Set<?> s ? s : Set.of();
        // matched: current resource first, root last (JAX-RS UriInfo#getMatchedResources).
        for (int i = matched.size() - 1; i >= 1; i--) {
            Class<?> owner = Proxies.unwrap(matched.get(i).getClass());
            Class<?> child = Proxies.unwrap(matched.get(i - 1).getClass());
            List<ResourceMember> candidates;
            try {
                candidates = deployment.table().locatorsReturning(owner, child);
            } catch (IllegalStateException e) {
                LOG.log(Level.SEVERE, "Latchkey: cannot resolve the locators of " + owner.getName(), e);
                CallerCheck.denyIfNotAllowed(request, AccessRule.deny("unresolvable locator"),
                        deployment.challenges());
                return false;
            }
            if (candidates.stream().anyMatch(c -> applied.contains(c.method()))) {
                continue;
            }
            for (ResourceMember locator : candidates) {
                if (locator.rule().isPresent()
                        && CallerCheck.denyIfNotAllowed(request, locator.rule().get(), deployment.challenges())) {
                    return false;
                }
            }
        }
        return true;
    }
}

package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers an {@link AuthorizationFilter} on every resource method the runtime reports, root resources at
 * deployment and sub-resources (reached through locators) when the runtime models them, with the rule
 * {@link SecurityAnnotations} resolves, or the {@link UnannotatedPolicy} where nothing is declared.
 *
 * <p>A contradiction on a root resource fails deployment. Every class reachable from a root resource by signature
 * was resolved at deployment too, so a contradiction met later can only be in a sub-resource class a locator returns
 * as {@code Object}: that method answers 503 (the application's fault, not the caller's), and the contradiction is
 * logged once, naming the method.
 */
final class MethodAuthorization implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(RouteReport.LOGGER);

    private final AuthorizationDeployment deployment;

    MethodAuthorization(AuthorizationDeployment deployment) {
        this.deployment = deployment;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceClass() == null || resource.getResourceMethod() == null) {
            // Nothing to resolve annotations from (a programmatic resource): the unannotated policy, never open.
            context.register(new AuthorizationFilter(deployment.policy().rule(), deployment), Priorities.AUTHORIZATION);
            return;
        }
        Class<?> type = Proxies.unwrap(resource.getResourceClass());
        AccessRule rule;
        try {
            rule = AccessRule.of(type, resource.getResourceMethod(), deployment.policy());
        } catch (IllegalStateException e) {
            if (type.isAnnotationPresent(Path.class)) {
                throw e; // a root resource: deployment fails
            }
            LOG.log(Level.SEVERE, "Latchkey: a sub-resource method cannot be authorized and answers 503", e);
            ContainerRequestFilter unavailable = request -> request.abortWith(ErrorResponse.of(
                    AuthError.unavailable("authorization unavailable", "authorization_unresolved"), List.of()));
            context.register(unavailable, Priorities.AUTHORIZATION);
            return;
        }
        context.register(new AuthorizationFilter(rule, deployment), Priorities.AUTHORIZATION);
    }
}

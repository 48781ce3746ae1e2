package dev.latchkey.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers an {@link AuthorizationFilter} on every resource method the runtime reports, root resources at
 * deployment and sub-resources (reached through locators) when the runtime models them, with the rule
 * {@link SecurityAnnotations} resolves, or the {@link UnannotatedPolicy} where nothing is declared. Contradictions
 * throw, failing deployment.
 */
final class MethodAuthorization implements DynamicFeature {

    private final AuthorizationDeployment deployment;

    MethodAuthorization(AuthorizationDeployment deployment) {
        this.deployment = deployment;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceClass() == null || resource.getResourceMethod() == null) {
            return;
        }
        AccessRule rule = AccessRule.of(Proxies.unwrap(resource.getResourceClass()), resource.getResourceMethod(),
                deployment.policy());
        context.register(new AuthorizationFilter(rule, deployment));
    }
}

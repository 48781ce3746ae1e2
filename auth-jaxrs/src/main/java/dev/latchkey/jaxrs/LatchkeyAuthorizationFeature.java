package dev.latchkey.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Resolves {@link RequiresScope}, {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} once per resource
 * method at deployment and registers a small {@link AuthorizationFilter} holding the result. Contradictory annotations
 * fail deployment.
 *
 * <p>It replaces Jersey's {@code RolesAllowedDynamicFeature}, which answers 403 to unauthenticated callers: here an
 * unauthenticated caller gets 401 with a challenge (RFC 7235 §3.1), an authenticated one without the role 403. Do not
 * register both.
 */
@Provider
public class LatchkeyAuthorizationFeature implements DynamicFeature {

    private final Challenges challenges = new Challenges();

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceClass() == null || resource.getResourceMethod() == null) {
            return;
        }
        AccessRule.of(resource.getResourceClass(), resource.getResourceMethod())
                .ifPresent(rule -> context.register(new AuthorizationFilter(rule, challenges)));
    }
}

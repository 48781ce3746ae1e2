package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the constraints of sub-resource locators <em>before</em> any locator runs. JAX-RS calls a
 * {@code DynamicFeature} only for resource methods, and invokes locators while matching, so no post-matching filter
 * can stop a locator. This {@link PreMatching} filter finds, in the deployment's {@link ResourceTable}, the locators
 * JAX-RS 3.1 §3.7.2 would invoke for the request path and applies the rule of each (the locator method, its class
 * and their hierarchies), outermost first; nested locators accumulate. It uses only standard JAX-RS API, so it
 * decides alike on Jersey and RESTEasy. It matches the still percent-encoded path with matrix parameters removed
 * ({@link RawPath}), as Jersey does, and the decoded one as well (the locators of both apply: fail closed), and runs
 * after every other pre-matching filter (priority {@link Integer#MAX_VALUE}), so it sees the path a URI-rewriting
 * filter (such as Jersey's {@code UriConnegFilter}) left. It is a first line only: {@link AuthorizationFilter} applies
 * the rule of every locator that actually ran, whatever this guard decided. Root classes the runtime found by
 * scanning but does not list (RESTEasy) come from {@link ScannedResources}.
 */
@PreMatching
@Priority(Integer.MAX_VALUE)
final class LocatorGuard implements ContainerRequestFilter {

    private final AuthorizationDeployment deployment;

    @Context
    private Application application;

    @Context
    private Configuration configuration;

    private volatile String applicationName;

    LocatorGuard(AuthorizationDeployment deployment) {
        this.deployment = deployment;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            deployment.widen(application, this::runtimeClasses, applicationName());
        } catch (IllegalStateException e) {
            // Root classes only the runtime listed carry contradictory annotations (logged once): our fault.
            request.abortWith(ErrorResponse.of(AuthError.unavailable("authorization unavailable",
                    "authorization_unresolved"), List.of()));
            return;
        }
        ResourceTable table = deployment.table();
        if (!table.hasLocators()) {
            return; // no root resource has a locator: nothing runs before matching (no per-request path work)
        }
        Set<ResourceMember> locators = new LinkedHashSet<>();
        for (String path : RawPath.forms(request.getUriInfo())) {
            locators.addAll(table.locatorsFor(path));
        }
        for (ResourceMember locator : locators) {
            if (locator.rule().isPresent()
                    && CallerCheck.denyIfNotAllowed(request, locator.rule().get(), deployment)) {
                return;
            }
        }
    }

    private Collection<Class<?>> runtimeClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        try {
            if (application != null) {
                classes.addAll(application.getClasses());
                application.getSingletons().forEach(s -> classes.add(Proxies.unwrap(s.getClass())));
            }
            if (configuration != null) {
                classes.addAll(configuration.getClasses());
                configuration.getInstances().forEach(s -> classes.add(Proxies.unwrap(s.getClass())));
            }
        } catch (RuntimeException e) {
            // a runtime without these injections: the deployment-time table stands
        }
        ScannedResources.addTo(classes, application); // a scanned class that cannot load: 503, never forgotten
        return classes;
    }

    /** Worked out once (the application does not change), not on every request that reaches the guard. */
    private String applicationName() {
        String name = applicationName;
        if (name == null) {
            name = application == null ? "the application" : Proxies.unwrap(application.getClass()).getName();
            applicationName = name;
        }
        return name;
    }
}

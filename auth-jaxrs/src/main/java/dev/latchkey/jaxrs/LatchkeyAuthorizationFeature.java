package dev.latchkey.jaxrs;

import dev.latchkey.auth.config.ConfigReader;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Latchkey's authorization for one JAX-RS application. At deployment it reads {@value UnannotatedPolicy#PROPERTY},
 * resolves every root resource's methods and sub-resource locators with {@link SecurityAnnotations} (contradictions
 * fail deployment naming the method), logs the {@link RouteReport} and registers:
 * <ul>
 *   <li>{@link LocatorGuard}, a pre-matching filter checking the constraints of sub-resource locators before they
 *       run;</li>
 *   <li>{@link MethodAuthorization}, a {@code DynamicFeature} putting a small {@link AuthorizationFilter} with the
 *       precomputed rule on every resource method;</li>
 *   <li>{@link InsufficientScopeExceptionMapper}.</li>
 * </ul>
 *
 * <p>It replaces Jersey's {@code RolesAllowedDynamicFeature}, which answers 403 to unauthenticated callers: here an
 * unauthenticated caller gets 401 with a challenge (RFC 7235 §3.1), an authenticated one without the role 403. Do not
 * register both.
 */
@Provider
public class LatchkeyAuthorizationFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        Configuration configuration = context.getConfiguration();
        UnannotatedPolicy policy = UnannotatedPolicy.fromConfig(ConfigReader.current());
        Set<Class<?>> classes = new LinkedHashSet<>(configuration.getClasses());
        configuration.getInstances().forEach(instance -> classes.add(Proxies.unwrap(instance.getClass())));
        AuthorizationDeployment deployment = new AuthorizationDeployment(policy, classes, "the application");
        context.register(new LocatorGuard(deployment));
        context.register(new MethodAuthorization(deployment));
        if (!configuration.isRegistered(InsufficientScopeExceptionMapper.class)) {
            context.register(InsufficientScopeExceptionMapper.class);
        }
        return true;
    }
}

package dev.latchkey.jaxrs;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one resource method requires, resolved once at deployment from {@code @RequiresScope}, {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @DenyAll} on the method and its class.
 *
 * <p>Jakarta Annotations §3: a method-level role annotation overrides the class-level one. Scopes refine: class and
 * method requirements must both hold. Contradictions fail deployment with {@link IllegalStateException}.
 *
 * @param denyAll        nobody may call
 * @param authenticated  a caller is required
 * @param roles          one of these roles is required (empty: no role check); {@code **} means any caller
 * @param scopes         every requirement must be satisfied
 */
public record AccessRule(boolean denyAll, boolean authenticated, Set<String> roles, List<ScopeRequirement> scopes) {

    public static final String ANY_AUTHENTICATED = "**";

    public AccessRule {
        roles = Set.copyOf(roles);
        scopes = List.copyOf(scopes);
    }

    public boolean isUnrestricted() {
        return !denyAll && !authenticated;
    }

    /**
     * Resolves the rule for a resource method; empty when nothing is required. Annotations may sit on the method
     * itself or, as with generated JAX-RS API interfaces, on the method it implements (JAX-RS 3.1 §3.6 annotation
     * inheritance): the first method up the hierarchy that carries any security annotation is used, and the class
     * annotations of the resource class, or failing that of the class or interface declaring that method.
     */
    public static Optional<AccessRule> of(Class<?> resourceClass, Method resourceMethod) {
        Method method = annotatedMethod(resourceClass, resourceMethod);
        Class<?> typeSource = hasAnySecurityAnnotation(resourceClass) ? resourceClass : method.getDeclaringClass();
        return resolve(typeSource, method, resourceClass.getName() + "#" + resourceMethod.getName());
    }

    private static Optional<AccessRule> resolve(Class<?> resourceClass, Method method, String where) {
        List<ScopeRequirement> scopes = new ArrayList<>();
        scopeOf(resourceClass, where).ifPresent(scopes::add);
        scopeOf(method, where).ifPresent(scopes::add);

        checkRoleAnnotations(resourceClass, where);
        checkRoleAnnotations(method, where);
        AnnotatedElement roleSource = hasRoleAnnotation(method) ? method : resourceClass;
        boolean denyAll = roleSource.isAnnotationPresent(DenyAll.class);
        boolean permitAll = roleSource.isAnnotationPresent(PermitAll.class);
        RolesAllowed rolesAllowed = roleSource.getAnnotation(RolesAllowed.class);

        if (method.isAnnotationPresent(PermitAll.class) && method.isAnnotationPresent(RequiresScope.class)) {
            throw contradiction(where, "@PermitAll and @RequiresScope on the same method");
        }
        if (denyAll && !scopes.isEmpty()) {
            throw contradiction(where, "@DenyAll together with @RequiresScope");
        }
        if (permitAll && roleSource == method && !scopes.isEmpty()) {
            throw contradiction(where, "@PermitAll on the method but @RequiresScope on its class");
        }
        Set<String> roles = rolesAllowed == null ? Set.of() : new LinkedHashSet<>(List.of(rolesAllowed.value()));
        if (rolesAllowed != null && roles.isEmpty()) {
            throw contradiction(where, "@RolesAllowed with no role (use @DenyAll)");
        }
        boolean authenticated = !roles.isEmpty() || !scopes.isEmpty();
        if (!denyAll && !authenticated) {
            return Optional.empty();
        }
        return Optional.of(new AccessRule(denyAll, authenticated, roles, scopes));
    }

    private static boolean hasAnySecurityAnnotation(AnnotatedElement element) {
        return hasRoleAnnotation(element) || element.isAnnotationPresent(RequiresScope.class);
    }

    /** The method itself if annotated, else the first same-signature method up the superclasses and interfaces. */
    private static Method annotatedMethod(Class<?> type, Method method) {
        if (hasAnySecurityAnnotation(method)) {
            return method;
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(type);
        Set<Class<?>> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Class<?> current = queue.poll();
            if (current == Object.class || !seen.add(current)) {
                continue;
            }
            try {
                Method candidate = current.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (hasAnySecurityAnnotation(candidate)) {
                    return candidate;
                }
            } catch (NoSuchMethodException e) {
                // not declared here
            }
            if (current.getSuperclass() != null) {
                queue.add(current.getSuperclass());
            }
            queue.addAll(List.of(current.getInterfaces()));
        }
        return method;
    }

    private static Optional<ScopeRequirement> scopeOf(AnnotatedElement element, String where) {
        RequiresScope annotation = element.getAnnotation(RequiresScope.class);
        if (annotation == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScopeRequirement.of(annotation));
        } catch (IllegalArgumentException e) {
            throw contradiction(where, e.getMessage());
        }
    }

    private static boolean hasRoleAnnotation(AnnotatedElement element) {
        return element.isAnnotationPresent(DenyAll.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(RolesAllowed.class);
    }

    private static void checkRoleAnnotations(AnnotatedElement element, String where) {
        int count = (element.isAnnotationPresent(DenyAll.class) ? 1 : 0)
                + (element.isAnnotationPresent(PermitAll.class) ? 1 : 0)
                + (element.isAnnotationPresent(RolesAllowed.class) ? 1 : 0);
        if (count > 1) {
            throw contradiction(where, "more than one of @DenyAll, @PermitAll, @RolesAllowed on " + element);
        }
    }

    private static IllegalStateException contradiction(String where, String what) {
        return new IllegalStateException("Latchkey: contradictory security annotations on " + where + ": " + what);
    }
}

package dev.latchkey.jaxrs;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one resolution model of Latchkey's authorization, used by the JAX-RS feature, the sub-resource locator guard
 * and the CDI interceptor alike. For a method {@code m} invoked on class {@code C}, the <em>levels</em> are, nearest
 * first: {@code m} as declared for {@code C}; the methods {@code m} overrides or implements in the superclasses and
 * interfaces of {@code C} (matched with type variables resolved, see {@link TypeHierarchy}), by distance; {@code C}
 * itself; the superclasses and interfaces of {@code C}, by distance. Only annotations declared on each element count
 * (the {@code @Inherited} of {@code @RequiresScope} is not relied on).
 *
 * <ul>
 *   <li>Role annotations ({@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}) follow Jakarta Annotations 2.1
 *       §3: the nearest level that has one wins; different role annotations at the same distance are a
 *       contradiction.</li>
 *   <li>{@code @RequiresScope} refines: the requirements of every level must all hold. So does
 *       {@code @RequiresAuthenticationContext} (RFC 9470): {@code acr} sets intersect, the shortest {@code maxAge}
 *       applies, and an empty intersection is a contradiction.</li>
 *   <li>A constraint is never silently dropped: {@code @PermitAll} winning over a {@code @RequiresScope} declared
 *       anywhere, two role annotations on one element, {@code @PermitAll} or {@code @DenyAll} with
 *       {@code @RequiresScope} on one element, an empty {@code @RolesAllowed} and an invalid scope token all throw
 *       {@link IllegalStateException} naming the method, so deployment fails.</li>
 * </ul>
 */
public final class SecurityAnnotations {

    private enum RoleKind { DENY, PERMIT, ROLES }

    /** The annotations that refine a rule (every level's applies), for messages. */
    private static final String REFINING = "@RequiresScope, @RequiresAuthenticationContext or @RequiresDPoP";

    private record RoleDeclaration(RoleKind kind, Set<String> roles, String source) {
        boolean sameAs(RoleDeclaration other) {
            return kind == other.kind && roles.equals(other.roles);
        }
    }

    private SecurityAnnotations() {
    }

    /**
     * The rule declared for {@code method} invoked on {@code type}; empty when no level declares anything.
     *
     * @throws IllegalStateException on contradictory annotations; the message names the method
     */
    public static Optional<AccessRule> resolve(Class<?> type, Method method) {
        String where = describe(type, method);
        List<List<AnnotatedElement>> levels = new ArrayList<>();
        for (List<Method> level : TypeHierarchy.declarations(type, method)) {
            levels.add(List.copyOf(level));
        }
        for (List<Class<?>> level : TypeHierarchy.levels(type)) {
            levels.add(List.copyOf(level));
        }
        levels.forEach(level -> level.forEach(element -> checkElement(element, where)));

        RoleDeclaration role = nearestRole(levels, where);
        Map<ScopeRequirement, List<String>> scopes = new LinkedHashMap<>();
        for (List<AnnotatedElement> level : levels) {
            for (AnnotatedElement element : level) {
                RequiresScope annotation = element.getDeclaredAnnotation(RequiresScope.class);
                if (annotation != null) {
                    scopes.computeIfAbsent(scope(annotation, where), k -> new ArrayList<>())
                            .add(render(annotation) + " on " + name(element));
                }
            }
        }
        List<String> scopeSources = new ArrayList<>();
        scopes.values().forEach(scopeSources::addAll);
        Optional<AuthContextRequirement> authContext = authContext(levels, where, scopeSources);
        boolean dpop = false;
        for (List<AnnotatedElement> level : levels) {
            for (AnnotatedElement element : level) {
                if (isDeclared(element, RequiresDPoP.class)) {
                    dpop = true;
                    scopeSources.add("@RequiresDPoP on " + name(element));
                }
            }
        }
        if (role == null && scopes.isEmpty() && authContext.isEmpty() && !dpop) {
            return Optional.empty();
        }
        if (role != null && role.kind() == RoleKind.PERMIT && (!scopes.isEmpty() || authContext.isPresent() || dpop)) {
            throw contradiction(where, role.source() + " would drop " + String.join(", ", scopeSources));
        }
        List<String> sources = new ArrayList<>();
        if (role != null) {
            sources.add(role.source());
            overridden(levels, role).forEach(other -> sources.add("(overrides " + other + ")"));
        }
        sources.addAll(scopeSources);
        boolean deny = role != null && role.kind() == RoleKind.DENY;
        boolean permit = role != null && role.kind() == RoleKind.PERMIT;
        Set<String> roles = role != null && role.kind() == RoleKind.ROLES ? role.roles() : Set.of();
        return Optional.of(new AccessRule(deny, !permit, roles, List.copyOf(scopes.keySet()), authContext, dpop,
                sources));
    }

    /**
     * Every level's {@link RequiresAuthenticationContext}, combined ({@link AuthContextRequirement#and}); each adds
     * its source to {@code sources} (with the scopes', which a {@code @PermitAll} must not drop either).
     */
    private static Optional<AuthContextRequirement> authContext(List<List<AnnotatedElement>> levels, String where,
                                                                List<String> sources) {
        AuthContextRequirement combined = null;
        for (List<AnnotatedElement> level : levels) {
            for (AnnotatedElement element : level) {
                RequiresAuthenticationContext annotation =
                        element.getDeclaredAnnotation(RequiresAuthenticationContext.class);
                if (annotation == null) {
                    continue;
                }
                try {
                    AuthContextRequirement one = AuthContextRequirement.of(annotation);
                    combined = combined == null ? one : combined.and(one);
                } catch (IllegalArgumentException e) {
                    throw contradiction(where, "@RequiresAuthenticationContext on " + name(element) + ": "
                            + e.getMessage());
                }
                sources.add("@RequiresAuthenticationContext(" + AuthContextRequirement.of(annotation).summary()
                        + ") on " + name(element));
            }
        }
        return Optional.ofNullable(combined);
    }

    private static RoleDeclaration nearestRole(List<List<AnnotatedElement>> levels, String where) {
        for (List<AnnotatedElement> level : levels) {
            RoleDeclaration found = null;
            for (AnnotatedElement element : level) {
                RoleDeclaration declaration = roleOf(element);
                if (declaration == null) {
                    continue;
                }
                if (found != null && !found.sameAs(declaration)) {
                    throw contradiction(where, "different role annotations at the same distance: "
                            + found.source() + " and " + declaration.source());
                }
                found = found == null ? declaration : found;
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The role annotations farther away than the winning one: shown in the route report, never hidden. */
    private static List<String> overridden(List<List<AnnotatedElement>> levels, RoleDeclaration winner) {
        List<String> others = new ArrayList<>();
        for (List<AnnotatedElement> level : levels) {
            for (AnnotatedElement element : level) {
                RoleDeclaration declaration = roleOf(element);
                if (declaration != null && !declaration.source().equals(winner.source())) {
                    others.add(declaration.source());
                }
            }
        }
        return others;
    }

    private static RoleDeclaration roleOf(AnnotatedElement element) {
        if (isDeclared(element, DenyAll.class)) {
            return new RoleDeclaration(RoleKind.DENY, Set.of(), "@DenyAll on " + name(element));
        }
        if (isDeclared(element, PermitAll.class)) {
            return new RoleDeclaration(RoleKind.PERMIT, Set.of(), "@PermitAll on " + name(element));
        }
        RolesAllowed rolesAllowed = element.getDeclaredAnnotation(RolesAllowed.class);
        if (rolesAllowed != null) {
            Set<String> roles = new LinkedHashSet<>(List.of(rolesAllowed.value()));
            return new RoleDeclaration(RoleKind.ROLES, roles, "@RolesAllowed("
                    + roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "{", "}"))
                    + ") on " + name(element));
        }
        return null;
    }

    private static boolean isDeclared(AnnotatedElement element, Class<? extends Annotation> a) {
        return element.getDeclaredAnnotation(a) != null;
    }

    private static void checkElement(AnnotatedElement element, String where) {
        boolean deny = isDeclared(element, DenyAll.class);
        boolean permit = isDeclared(element, PermitAll.class);
        RolesAllowed roles = element.getDeclaredAnnotation(RolesAllowed.class);
        boolean scope = isDeclared(element, RequiresScope.class)
                || isDeclared(element, RequiresAuthenticationContext.class) || isDeclared(element, RequiresDPoP.class);
        if ((deny ? 1 : 0) + (permit ? 1 : 0) + (roles != null ? 1 : 0) > 1) {
            throw contradiction(where, "more than one of @DenyAll, @PermitAll, @RolesAllowed on " + name(element));
        }
        if (roles != null && roles.value().length == 0) {
            throw contradiction(where, "@RolesAllowed with no role on " + name(element) + " (use @DenyAll)");
        }
        if (permit && scope) {
            throw contradiction(where, "@PermitAll and " + REFINING + " on " + name(element));
        }
        if (deny && scope) {
            throw contradiction(where, "@DenyAll and " + REFINING + " on " + name(element));
        }
    }

    private static ScopeRequirement scope(RequiresScope annotation, String where) {
        try {
            return ScopeRequirement.of(annotation);
        } catch (IllegalArgumentException e) {
            throw contradiction(where, e.getMessage());
        }
    }

    private static String render(RequiresScope annotation) {
        String scopes = Arrays.stream(annotation.value()).map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        return "@RequiresScope(" + scopes + (annotation.mode() == ScopeMode.ANY ? ", mode=ANY" : "") + ")";
    }

    /** {@code class x.Base} or {@code method x.Api#get(String)}. */
    static String name(AnnotatedElement element) {
        if (element instanceof Method m) {
            return "method " + signature(m.getDeclaringClass(), m);
        }
        return (((Class<?>) element).isInterface() ? "interface " : "class ") + ((Class<?>) element).getName();
    }

    /** {@code x.Impl#put(String,String)}: the class a method is invoked on, the method name and parameters. */
    static String describe(Class<?> type, Method method) {
        return signature(type, TypeHierarchy.nonBridge(method));
    }

    private static String signature(Class<?> type, Method method) {
        return type.getName() + "#" + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
    }

    private static IllegalStateException contradiction(String where, String what) {
        return new IllegalStateException("Latchkey: contradictory security annotations on " + where + ": " + what);
    }
}

package dev.latchkey.jaxrs;

import jakarta.ws.rs.Path;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The root resource classes of one application with their resource methods and sub-resource locators, expanded
 * through every locator whose signature names the class it returns. Built once at deployment; every rule is resolved
 * while building, so a contradiction fails deployment. It answers two questions: which locators JAX-RS 3.1 §3.7.2
 * would invoke for a request path ({@link #locatorsFor}), and the route report ({@link #routes}).
 */
final class ResourceTable {

    /** Locators nested deeper than this are not followed statically (the post-matching check still applies). */
    private static final int MAX_DEPTH = 16;

    private record Root(Class<?> type, PathPattern path) {
    }

    private record Step(Class<?> type, String rest) {
    }

    private record Candidate(ResourceMember member, String rest) {
    }

    private static final Comparator<Candidate> PRECEDENCE = Comparator
            .<Candidate, PathPattern>comparing(c -> c.member().path(), PathPattern::compareSpecificity)
            .thenComparing(c -> c.member().isLocator() ? 0 : 1);

    private final List<Root> roots;
    private final Map<Class<?>, List<ResourceMember>> members = new ConcurrentHashMap<>();

    private ResourceTable(List<Root> roots) {
        this.roots = roots;
    }

    /** @param classes the application's classes; those with a class-level {@code @Path} are root resources */
    static ResourceTable of(Collection<Class<?>> classes) {
        List<Root> roots = new ArrayList<>();
        for (Class<?> type : new LinkedHashSet<>(classes)) {
            Path path = type.getAnnotation(Path.class);
            if (path != null && !type.isInterface()) {
                roots.add(new Root(type, PathPattern.of(path.value())));
            }
        }
        ResourceTable table = new ResourceTable(List.copyOf(roots));
        roots.forEach(root -> table.expand(root.type(), new LinkedHashSet<>()));
        return table;
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    Set<Class<?>> rootClasses() {
        Set<Class<?>> types = new LinkedHashSet<>();
        roots.forEach(root -> types.add(root.type()));
        return types;
    }

    /** The members of {@code type}, resolved on first use (the rules of classes met only at run time). */
    List<ResourceMember> membersOf(Class<?> type) {
        return members.computeIfAbsent(type, ResourceClassModel::members);
    }

    private void expand(Class<?> type, Set<Class<?>> path) {
        if (!path.add(type) || path.size() > MAX_DEPTH) {
            return;
        }
        for (ResourceMember member : membersOf(type)) {
            if (member.isLocator() && member.returns() != null) {
                expand(member.returns(), path);
            }
        }
        path.remove(type);
    }

    /**
     * The locators JAX-RS would invoke, outermost first, for {@code path} (relative to the application, matrix
     * parameters removed), following JAX-RS 3.1 §3.7.2 steps 1 and 2: the most specific root class, then in each
     * class the most specific sub-resource method or locator, methods ahead of locators. Where candidates tie, every
     * tied locator is returned, so that a constraint is never skipped because of an implementation's tie-break.
     */
    List<ResourceMember> locatorsFor(String path) {
        String u = path.startsWith("/") ? path : "/" + path;
        List<Step> matched = new ArrayList<>();
        PathPattern best = null;
        for (Root root : roots) {
            String rest = root.path().remainder(u);
            if (rest == null) {
                continue;
            }
            int c = best == null ? 1 : root.path().compareSpecificity(best);
            if (c > 0) {
                matched.clear();
                best = root.path();
            }
            if (c >= 0) {
                matched.add(new Step(root.type(), rest));
            }
        }
        Set<ResourceMember> applied = new LinkedHashSet<>();
        step(matched, applied, 0);
        return List.copyOf(applied);
    }

    private void step(List<Step> steps, Set<ResourceMember> applied, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Step step : steps) {
            if (step.rest().isEmpty() || step.rest().equals("/")) {
                continue; // §3.7.2 step 2(a): the class's own resource methods
            }
            for (ResourceMember member : membersOf(step.type())) {
                if (!member.isLocator() && member.path().template().isEmpty()) {
                    continue;
                }
                String rest = member.path().remainder(step.rest());
                if (rest != null && (member.isLocator() || rest.isEmpty() || rest.equals("/"))) {
                    candidates.add(new Candidate(member, rest));
                }
            }
        }
        Candidate top = candidates.stream().max(PRECEDENCE).orElse(null);
        if (top == null || !top.member().isLocator()) {
            return;
        }
        for (Candidate candidate : candidates) {
            if (PRECEDENCE.compare(candidate, top) == 0 && applied.add(candidate.member())
                    && candidate.member().returns() != null) {
                step(List.of(new Step(candidate.member().returns(), candidate.rest())), applied, depth + 1);
            }
        }
    }

    /** The locators of {@code owner} that may have returned an instance of {@code child}. */
    List<ResourceMember> locatorsReturning(Class<?> owner, Class<?> child) {
        List<ResourceMember> all = new ArrayList<>();
        List<ResourceMember> fitting = new ArrayList<>();
        for (ResourceMember member : membersOf(owner)) {
            if (member.isLocator()) {
                all.add(member);
                if (member.returns() == null || member.returns().isAssignableFrom(child)) {
                    fitting.add(member);
                }
            }
        }
        return fitting.isEmpty() ? all : fitting;
    }

    /** Every route of the application, locator chains expanded; the rule of each resource method per policy. */
    List<RouteReport.Route> routes(UnannotatedPolicy policy) {
        List<RouteReport.Route> routes = new ArrayList<>();
        for (Root root : roots) {
            collect(root.type(), "/" + root.path().template(), List.of(), policy, routes, new LinkedHashSet<>());
        }
        routes.sort(Comparator.comparing(RouteReport.Route::path).thenComparing(RouteReport.Route::httpMethod));
        return List.copyOf(routes);
    }

    private void collect(Class<?> type, String prefix, List<ResourceMember> chain, UnannotatedPolicy policy,
                         List<RouteReport.Route> routes, Set<Class<?>> visiting) {
        if (!visiting.add(type) || visiting.size() > MAX_DEPTH) {
            return;
        }
        for (ResourceMember member : membersOf(type)) {
            String path = join(prefix, member.path().template());
            Map<String, AccessRule> rules = new LinkedHashMap<>();
            for (ResourceMember locator : chain) {
                locator.rule().ifPresent(rule -> rules.put("locator " + locator.javaMethod(), rule));
            }
            if (!member.isLocator()) {
                rules.put("method", AccessRule.of(type, member.method(), policy));
                routes.add(RouteReport.Route.of(member.httpMethod(), path, member.javaMethod(), rules, false));
                continue;
            }
            member.rule().ifPresent(rule -> rules.put("locator " + member.javaMethod(), rule));
            List<ResourceMember> next = new ArrayList<>(chain);
            next.add(member);
            if (member.returns() == null) {
                routes.add(RouteReport.Route.of("*", path + "/**", member.javaMethod(), rules, true));
            } else {
                collect(member.returns(), path, List.copyOf(next), policy, routes, visiting);
            }
        }
        visiting.remove(type);
    }

    private static String join(String prefix, String template) {
        if (template.isEmpty()) {
            return prefix;
        }
        return (prefix.endsWith("/") ? prefix : prefix + "/") + template;
    }
}

package dev.latchkey.jaxrs;

import jakarta.ws.rs.Path;

import java.lang.reflect.Modifier;
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

    private record Root(Class<?> type, PathPattern path, boolean closed) {
    }

    private record Step(Class<?> type, String rest) {
    }

    private record Candidate(ResourceMember member, String rest) {
    }

    /** The members of one class, or why they cannot be resolved (kept, so a failure is not resolved again). */
    private record Resolved(List<ResourceMember> members, IllegalStateException failure) {
    }

    /** A remaining path that cannot be known (every path left starts with {@code /} or is empty). */
    private static final String ANY = "*";

    private static final Comparator<Candidate> SPECIFICITY = Comparator
            .comparing(c -> c.member().path(), PathPattern::compareSpecificity);

    private static final Comparator<Candidate> PRECEDENCE = SPECIFICITY
            .thenComparing(c -> c.member().isLocator() ? 0 : 1);

    private final List<Root> roots;
    private final Map<Class<?>, Resolved> members = new ConcurrentHashMap<>();
    private boolean locators;

    private ResourceTable(List<Root> roots) {
        this.roots = roots;
    }

    /** @param classes the application's classes; those with a class-level {@code @Path} are root resources */
    static ResourceTable of(Collection<Class<?>> classes) {
        Map<Class<?>, PathPattern> found = new LinkedHashMap<>();
        for (Class<?> type : new LinkedHashSet<>(classes)) {
            Path path = type.getAnnotation(Path.class);
            if (path != null && !type.isInterface()) {
                found.put(type, PathPattern.of(path.value()));
            }
        }
        ResourceTable table = new ResourceTable(List.of());
        Set<String> open = new LinkedHashSet<>();
        for (Map.Entry<Class<?>, PathPattern> root : found.entrySet()) {
            table.expand(root.getKey(), new LinkedHashSet<>());
            if (table.membersOf(root.getKey()).stream().anyMatch(m -> m.isLocator() || !m.path().template().isEmpty())) {
                open.add(root.getValue().template());
            }
        }
        // Roots sharing a template form one resource; one without sub-resources matches its path only (Jersey routes
        // a longer path on to a less specific root).
        List<Root> roots = new ArrayList<>();
        found.forEach((type, path) -> roots.add(new Root(type, path, !open.contains(path.template()))));
        ResourceTable built = new ResourceTable(List.copyOf(roots));
        built.members.putAll(table.members);
        built.locators = roots.stream().anyMatch(root -> built.membersOf(root.type()).stream()
                .anyMatch(ResourceMember::isLocator));
        return built;
    }

    /**
     * Whether any root resource has a sub-resource locator; without one, {@link #locatorsFor} is empty for every
     * path, and the pre-matching guard has nothing to check.
     */
    boolean hasLocators() {
        return locators;
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    Set<Class<?>> rootClasses() {
        Set<Class<?>> types = new LinkedHashSet<>();
        roots.forEach(root -> types.add(root.type()));
        return types;
    }

    /**
     * The members of {@code type}, resolved on first use (the rules of classes met only at run time). A class that
     * cannot be resolved throws the same exception on every call, resolved once.
     */
    List<ResourceMember> membersOf(Class<?> type) {
        Resolved resolved = members.computeIfAbsent(type, t -> {
            try {
                return new Resolved(ResourceClassModel.members(t), null);
            } catch (IllegalStateException e) {
                return new Resolved(null, e);
            }
        });
        if (resolved.failure() != null) {
            throw resolved.failure();
        }
        return resolved.members();
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
     * The locators JAX-RS would invoke for {@code path} (relative to the application, still percent-encoded, matrix
     * parameters removed: {@link RawPath}), following JAX-RS 3.1 §3.7.2 steps 1 and 2: the most specific root class
     * (one without sub-resources matches its own path only), then in each class the most specific sub-resource
     * method or locator, methods ahead of locators. Where candidates tie, every tied locator is returned, so that a
     * constraint is never skipped because of an implementation's tie-break. A locator met again deeper down (a
     * recursive resource) is followed again: what is de-duplicated is (class, remaining path) per depth.
     */
    List<ResourceMember> locatorsFor(String path) {
        String u = path.startsWith("/") ? path : "/" + path;
        Set<Step> level = new LinkedHashSet<>();
        PathPattern best = null;
        for (Root root : roots) {
            String rest = root.path().remainder(u);
            if (rest == null || root.closed() && !rest.isEmpty() && !rest.equals("/")) {
                continue;
            }
            int c = best == null ? 1 : root.path().compareSpecificity(best);
            if (c > 0) {
                level.clear();
                best = root.path();
            }
            if (c >= 0) {
                level.add(new Step(root.type(), rest));
            }
        }
        Set<ResourceMember> applied = new LinkedHashSet<>();
        for (int depth = 0; !level.isEmpty() && depth <= MAX_DEPTH; depth++) {
            Set<Step> next = new LinkedHashSet<>();
            for (Candidate candidate : topLocators(level)) {
                applied.add(candidate.member());
                if (candidate.member().returns() != null) {
                    next.add(new Step(candidate.member().returns(), candidate.rest()));
                }
            }
            level = next;
        }
        return List.copyOf(applied);
    }

    /** The locators §3.7.2 step 2 chooses among the members of every step; empty when a method comes first. */
    private List<Candidate> topLocators(Collection<Step> steps) {
        List<Candidate> candidates = new ArrayList<>();
        for (Step step : steps) {
            if (!step.rest().isEmpty() && !step.rest().equals("/")) { // else §3.7.2 2(a): the class's own methods
                candidates.addAll(matching(step.type(), step.rest()));
            }
        }
        Candidate top = candidates.stream().max(PRECEDENCE).orElse(null);
        if (top == null || !top.member().isLocator()) {
            return List.of();
        }
        return candidates.stream().filter(c -> PRECEDENCE.compare(c, top) == 0).toList();
    }

    /** The sub-resource methods (whole rest) and locators (a prefix of it) of {@code type} matching {@code rest}. */
    private List<Candidate> matching(Class<?> type, String rest) {
        List<Candidate> candidates = new ArrayList<>();
        for (ResourceMember member : membersOf(type)) {
            if (!member.isLocator() && member.path().template().isEmpty()) {
                continue;
            }
            String left = member.path().remainder(rest);
            if (left != null && (member.isLocator() || left.isEmpty() || left.equals("/"))) {
                candidates.add(new Candidate(member, left));
            }
        }
        return candidates;
    }

    /**
     * The locators that ran for a request JAX-RS has routed, level by level, whatever was decided before matching:
     * at each level the owner's locators whose template matches what is left of the path and that can return the
     * next resource's class, the most specific by §3.7.2 (every tied one: fail closed). Each form of the path is
     * followed (the encoded one Jersey matches, the decoded one): the locators of every form that can be followed to
     * the end apply. Where no form can be followed (a root only the runtime knows, a class the model disagrees
     * with), every locator of the owner that can return the next class applies at that level.
     *
     * @param resources the matched resource classes, root first (the reverse of
     *                  {@code UriInfo#getMatchedResources()})
     * @param paths     the routed path in its forms ({@link RawPath})
     * @throws IllegalStateException when a level's class cannot be resolved, or no locator of the owner can
     *                               have returned the next resource
     */
    List<ResourceMember> locatorsRan(List<Class<?>> resources, Collection<String> paths) {
        Set<ResourceMember> exact = new LinkedHashSet<>();
        Set<ResourceMember> fallback = new LinkedHashSet<>();
        for (String path : new LinkedHashSet<>(paths)) {
            Set<ResourceMember> ran = new LinkedHashSet<>();
            (follow(resources, path, ran) ? exact : fallback).addAll(ran);
        }
        return List.copyOf(exact.isEmpty() ? fallback : exact);
    }

    List<ResourceMember> locatorsRan(List<Class<?>> resources, String path) {
        return locatorsRan(resources, List.of(path));
    }

    /** @return whether {@code path} could be followed through every level without falling back */
    private boolean follow(List<Class<?>> resources, String path, Set<ResourceMember> ran) {
        boolean followed = true;
        Set<String> rests = new LinkedHashSet<>();
        Path rootPath = resources.get(0).getAnnotation(Path.class);
        String rootRest = rootPath == null ? null
                : PathPattern.of(rootPath.value()).remainder(path.startsWith("/") ? path : "/" + path);
        rests.add(rootRest == null ? ANY : rootRest);
        for (int i = 0; i + 1 < resources.size(); i++) {
            Class<?> owner = resources.get(i);
            Class<?> child = resources.get(i + 1);
            Set<String> next = new LinkedHashSet<>();
            for (String rest : rests) {
                List<Candidate> chosen = ANY.equals(rest) ? List.of() : chosen(owner, child, rest);
                if (chosen.isEmpty()) {
                    List<ResourceMember> all = fitting(owner, child);
                    if (all.isEmpty()) {
                        throw new IllegalStateException("Latchkey: no sub-resource locator of " + owner.getName()
                                + " returns " + child.getName());
                    }
                    followed = false;
                    ran.addAll(all);
                    next.add(ANY);
                } else {
                    chosen.forEach(c -> {
                        ran.add(c.member());
                        next.add(c.rest());
                    });
                }
            }
            rests = next;
        }
        return followed;
    }

    private List<Candidate> chosen(Class<?> owner, Class<?> child, String rest) {
        List<Candidate> candidates = matching(owner, rest);
        Candidate top = candidates.stream().max(SPECIFICITY).orElse(null);
        List<Candidate> tied = candidates.stream()
                .filter(c -> top != null && SPECIFICITY.compare(c, top) == 0 && fits(c.member(), child)).toList();
        return tied.isEmpty() ? candidates.stream().filter(c -> fits(c.member(), child)).toList() : tied;
    }

    private List<ResourceMember> fitting(Class<?> owner, Class<?> child) {
        return membersOf(owner).stream().filter(m -> fits(m, child)).toList();
    }

    private static boolean fits(ResourceMember member, Class<?> child) {
        return member.isLocator() && (member.returns() == null || member.returns().isAssignableFrom(child));
    }

    /**
     * Every route of the application, locator chains expanded; the rule of each resource method per policy. Routes
     * below a locator whose declared class is not final (it may return a subclass with other rules) are marked
     * {@code runtime}; a recursive locator is listed once as {@code * path/**}, runtime.
     */
    List<RouteReport.Route> routes(UnannotatedPolicy policy) {
        List<RouteReport.Route> routes = new ArrayList<>();
        for (Root root : roots) {
            collect(root.type(), "/" + root.path().template(), List.of(), false, policy, routes,
                    new LinkedHashSet<>());
        }
        routes.sort(Comparator.comparing(RouteReport.Route::path).thenComparing(RouteReport.Route::httpMethod));
        return List.copyOf(routes);
    }

    private void collect(Class<?> type, String prefix, List<ResourceMember> chain, boolean polymorphic,
                         UnannotatedPolicy policy, List<RouteReport.Route> routes, Set<Class<?>> visiting) {
        visiting.add(type);
        for (ResourceMember member : membersOf(type)) {
            String path = join(prefix, member.path().template());
            Map<String, AccessRule> rules = new LinkedHashMap<>();
            for (ResourceMember locator : chain) {
                locator.rule().ifPresent(rule -> rules.put("locator " + locator.javaMethod(), rule));
            }
            if (!member.isLocator()) {
                rules.put("method", AccessRule.of(type, member.method(), policy));
                routes.add(RouteReport.Route.of(member.httpMethod(), path, member.javaMethod(), rules, polymorphic));
                continue;
            }
            member.rule().ifPresent(rule -> rules.put("locator " + member.javaMethod(), rule));
            List<ResourceMember> next = new ArrayList<>(chain);
            next.add(member);
            Class<?> returns = member.returns();
            if (returns == null || visiting.contains(returns) || visiting.size() >= MAX_DEPTH) {
                routes.add(RouteReport.Route.of("*", path + "/**", member.javaMethod(), rules, true));
            } else {
                collect(returns, path, List.copyOf(next), polymorphic || !Modifier.isFinal(returns.getModifiers()),
                        policy, routes, visiting);
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

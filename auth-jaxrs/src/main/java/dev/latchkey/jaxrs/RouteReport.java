package dev.latchkey.jaxrs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every resource method of one JAX-RS application with its effective rule, resolved at deployment. Logged once at
 * start-up as one INFO block (logger {@value #LOGGER}); the same table is available to code, e.g. to assert in a
 * test that no endpoint is unexpectedly public:
 *
 * <pre>{@code
 * RouteReport report = RouteReport.of(application).orElseThrow();   // application: @Context Application
 * assertEquals(Set.of("/health"), report.publicRoutes().stream().map(Route::path).collect(toSet()));
 * }</pre>
 *
 * {@link #all()} lists the reports of every application started in this class loader and still running. The report
 * holds values from annotations only, never request data.
 */
public final class RouteReport {

    public static final String LOGGER = "dev.latchkey.authorization";

    private static final Map<Object, RouteReport> REPORTS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * One route.
     *
     * @param httpMethod {@code GET}, ..., or {@code *} for a locator whose sub-resource is chosen at run time
     * @param path       the full template relative to the application path
     * @param javaMethod the Java method, {@code Class#method(ParameterTypes)}
     * @param rule       the effective rule in words: {@code public}, {@code authenticated}, {@code deny}, roles and
     *                   scopes; through locators each locator's rule, then the method's
     * @param sources    where each piece came from
     * @param rules      the rules in the order they are checked (locators first)
     * @param runtime    the run time decides part of the rule: the route ends in a locator whose sub-resource only
     *                   the run time knows ({@code *}, also a recursive locator: its sub-resource's methods add their
     *                   own rules, at least the unannotated policy, not listed here), or it passes a locator whose
     *                   declared class is not final (it may return a subclass declaring other rules); never public
     */
    public record Route(String httpMethod, String path, String javaMethod, String rule, List<String> sources,
                        List<AccessRule> rules, boolean runtime) {

        public Route {
            sources = List.copyOf(sources);
            rules = List.copyOf(rules);
        }

        static Route of(String httpMethod, String path, String javaMethod, Map<String, AccessRule> rules,
                        boolean runtime) {
            List<String> parts = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            rules.forEach((where, rule) -> {
                parts.add(rules.size() == 1 ? rule.summary() : where + ": " + rule.summary());
                sources.addAll(rule.sources());
            });
            if (runtime && "*".equals(httpMethod)) {
                parts.add((parts.isEmpty() ? "" : "then ") + "the rules of the sub-resource's methods (resolved at run time)");
            } else if (runtime) {
                parts.add("a locator may return a subclass with other rules (resolved at run time)");
            }
            return new Route(httpMethod, path, javaMethod, String.join("; ", parts), sources,
                    List.copyOf(rules.values()), runtime);
        }

        /** No caller needed anywhere on the way (false when the run time decides part of it). */
        public boolean isPublic() {
            return !runtime && rules.stream().allMatch(AccessRule::isUnrestricted);
        }
    }

    private final String application;
    private final List<Route> routes;

    RouteReport(String application, List<Route> routes) {
        this.application = application;
        this.routes = List.copyOf(routes);
    }

    /** The report of {@code application} (as injected with {@code @Context Application}), once it is deployed. */
    public static Optional<RouteReport> of(Object application) {
        return Optional.ofNullable(REPORTS.get(application));
    }

    /** The reports of the applications deployed in this class loader and not yet collected. */
    public static List<RouteReport> all() {
        synchronized (REPORTS) {
            return List.copyOf(REPORTS.values());
        }
    }

    static void register(Object key, RouteReport report) {
        REPORTS.put(key, report);
    }

    /** The application's name: its {@code Application} class, when the runtime says. */
    public String application() {
        return application;
    }

    public List<Route> routes() {
        return routes;
    }

    public List<Route> publicRoutes() {
        return routes.stream().filter(Route::isPublic).toList();
    }

    /** Logs the report as one INFO block. */
    void log() {
        Logger logger = Logger.getLogger(LOGGER);
        if (logger.isLoggable(Level.INFO)) {
            logger.info(render());
        }
    }

    String render() {
        StringBuilder text = new StringBuilder("Latchkey authorization, ").append(routes.size())
                .append(" route(s) of ").append(application).append(':');
        for (Route route : routes) {
            text.append("\n  ").append(String.format("%-7s", route.httpMethod())).append(' ').append(route.path())
                    .append("  ").append(route.javaMethod()).append("\n          -> ").append(route.rule());
            if (!route.sources().isEmpty()) {
                text.append("  [").append(String.join("; ", route.sources())).append(']');
            }
        }
        return text.toString();
    }
}

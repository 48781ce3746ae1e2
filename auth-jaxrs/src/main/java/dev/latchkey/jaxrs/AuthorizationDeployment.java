package dev.latchkey.jaxrs;

import jakarta.ws.rs.Path;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the authorization providers of one JAX-RS application share: the policy for unannotated methods, the
 * challenges, and the {@link ResourceTable} of its root resources, built at deployment (and widened once if the
 * runtime's {@code Application} names root classes the deployment-time configuration did not list).
 */
final class AuthorizationDeployment {

    private final UnannotatedPolicy policy;
    private final Challenges challenges = new Challenges();
    private volatile StepUpClock stepUpClock;
    private volatile ResourceTable table;
    private volatile boolean widened;
    private volatile IllegalStateException failure;
    private final Set<Class<?>> unresolved = ConcurrentHashMap.newKeySet();

    AuthorizationDeployment(UnannotatedPolicy policy, Collection<Class<?>> classes, String application) {
        this.policy = policy;
        this.table = ResourceTable.of(classes);
        RouteReport report = new RouteReport(application, table.routes(policy));
        RouteReport.register(this, report);
        report.log();
    }

    UnannotatedPolicy policy() {
        return policy;
    }

    Challenges challenges() {
        return challenges;
    }

    /** Looked up at the first step-up check (CDI is not ready while JAX-RS deploys on every runtime), then kept. */
    StepUpClock stepUpClock() {
        StepUpClock clock = stepUpClock;
        if (clock == null) {
            clock = StepUpClock.lookUp();
            stepUpClock = clock;
        }
        return clock;
    }

    ResourceTable table() {
        return table;
    }

    /** Logs, once per resource class, that a request reached locators that cannot be resolved (answered 503). */
    void unresolved(Class<?> root, IllegalStateException e) {
        if (unresolved.add(root)) {
            Logger.getLogger(RouteReport.LOGGER).log(Level.SEVERE, "Latchkey: cannot resolve the sub-resource locators"
                    + " below " + root.getName() + "; such requests are refused with 503", e);
        }
    }

    /**
     * Adds root classes the runtime's {@code Application} lists but the deployment did not see (the report is
     * re-logged and registered under {@code application} as well). Only the first call asks {@code classes}; later
     * calls cost a volatile read. A failure (a contradiction, a class that cannot load) is kept and thrown on this and
     * every later call: the table is unknown, so every request is refused (fail closed, consistently).
     */
    void widen(Object application, Supplier<Collection<Class<?>>> classes, String name) {
        if (!widened) {
            synchronized (this) {
                if (!widened) {
                    try {
                        widenOnce(application, classes.get(), name);
                    } catch (RuntimeException | LinkageError e) {
                        failure = e instanceof IllegalStateException ise ? ise
                                : new IllegalStateException("Latchkey: cannot resolve the resources of " + name, e);
                        Logger.getLogger(RouteReport.LOGGER).log(Level.SEVERE, "Latchkey: cannot resolve the"
                                + " application's resources; every request is refused with 503", failure);
                    } finally {
                        widened = true;
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void widenOnce(Object application, Collection<Class<?>> classes, String name) {
        Set<Class<?>> all = new LinkedHashSet<>(table.rootClasses());
        boolean added = all.addAll(classes.stream().filter(c -> c.isAnnotationPresent(Path.class)).toList());
        RouteReport report;
        if (added) {
            table = ResourceTable.of(all);
            report = new RouteReport(name, table.routes(policy));
            report.log();
        } else {
            report = RouteReport.of(this).orElseGet(() -> new RouteReport(name, table.routes(policy)));
        }
        RouteReport.register(this, report);
        if (application != null) {
            RouteReport.register(application, report);
        }
    }
}

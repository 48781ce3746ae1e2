package dev.latchkey.jaxrs;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The root resource classes of a web application, as the servlet container found them ({@code @HandlesTypes},
 * Servlet 6.0 §8.2.4). A JAX-RS runtime need not list the root classes it found by scanning anywhere in the
 * standard API: RESTEasy (WildFly) reports none in {@code Configuration#getClasses()}, so without this set
 * {@link LocatorGuard} could not foresee a locator of a scanned root class and the locator would run before its
 * constraints were checked. Used only for an {@link Application} that lists no classes and no singletons, which
 * per Jakarta REST 3.1 §2.3.2 includes every root resource of the web application.
 */
@jakarta.servlet.annotation.HandlesTypes(Path.class)
public final class ScannedResources implements ServletContainerInitializer {

    private static final Map<ClassLoader, Set<Class<?>>> FOUND = new WeakHashMap<>();

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Set<Class<?>> roots = new LinkedHashSet<>();
        if (classes != null) {
            classes.stream().filter(c -> c.isAnnotationPresent(Path.class)).forEach(roots::add);
        }
        synchronized (FOUND) {
            FOUND.put(context.getClassLoader(), Set.copyOf(roots));
        }
    }

    /**
     * Adds the scanned root classes of the current web application (the thread's context class loader, as during
     * a request) when {@code application} relies on scanning.
     */
    static void addTo(Collection<Class<?>> classes, Application application) {
        if (application != null && (!application.getClasses().isEmpty() || !application.getSingletons().isEmpty())) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        synchronized (FOUND) {
            for (ClassLoader l = loader; l != null; l = l.getParent()) {
                Set<Class<?>> found = FOUND.get(l);
                if (found != null) {
                    classes.addAll(found);
                    return;
                }
            }
        }
    }
}
